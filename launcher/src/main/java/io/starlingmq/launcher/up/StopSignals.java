package io.starlingmq.launcher.up;

import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM as a request to stop, handled by up's own thread: the JVM's default would
 * run shutdown hooks and exit with 130, while up stops its parts in order and exits with 0, as the
 * script's trap did. The JDK has no supported API for this; {@code sun.misc.Signal} is the one in use.
 */
final class StopSignals {

    private StopSignals() {
    }

    static void onInterruptOrTerminate(Runnable stop) {
        Signal.handle(new Signal("INT"), signal -> stop.run());
        Signal.handle(new Signal("TERM"), signal -> stop.run());
    }
}
