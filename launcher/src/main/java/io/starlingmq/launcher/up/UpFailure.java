package io.starlingmq.launcher.up;

/** Why {@code up} or {@code down} gave up, in words for the user; printed as {@code starling: <message>}. */
public final class UpFailure extends RuntimeException {

    public UpFailure(String message) {
        super(message);
    }
}
