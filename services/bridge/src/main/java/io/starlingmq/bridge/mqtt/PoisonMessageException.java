package io.starlingmq.bridge.mqtt;

/**
 * The destination can never take this message (a template needs a field it lacks, it is too large, the
 * destination refuses its topic): it goes to the dead letters with this reason and the rule moves on.
 */
public final class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String reason) {
        super(reason, null, false, false);
    }
}
