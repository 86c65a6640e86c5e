package io.starlingmq.gateway.codec;

import io.netty.handler.codec.DecoderException;

/**
 * A packet the frame stage refused, with the MQTT 5 reason code that says why ({@code 0x81} Malformed
 * Packet or {@code 0x82} Protocol Error). It has no stack trace: it is an answer to bad input, not a bug.
 */
public final class FrameRejectedException extends DecoderException {

    private final int reasonCode;
    private final boolean connect;
    private final boolean mqtt5;

    public FrameRejectedException(int reasonCode, String message, boolean connect, boolean mqtt5) {
        super(message, null);
        this.reasonCode = reasonCode;
        this.connect = connect;
        this.mqtt5 = mqtt5;
    }

    /** The reason code the client should be told. */
    public int reasonCode() {
        return reasonCode;
    }

    /** True when the refused packet was a CONNECT, so the answer, if any, is a CONNACK. */
    public boolean connect() {
        return connect;
    }

    /** The protocol of the refused packet (for a CONNECT: the level it announced). */
    public boolean mqtt5() {
        return mqtt5;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
