package io.starlingmq.launcher;

/**
 * Whether a started process shares the terminal session of the JVM that starts it. A process in a
 * session of its own does not get the Ctrl-C typed at that terminal, so the JVM can stop the parts in
 * order (clients before their servers) instead of all of them dying at once; it also outlives the JVM
 * when nothing stops it, which {@code ./starling up --detach} relies on. Tests keep the shared session,
 * so an interrupted test run takes its servers with it.
 */
public enum ProcessSession {
    SHARED,
    OWN
}
