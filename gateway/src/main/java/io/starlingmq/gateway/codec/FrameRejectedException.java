package io.starlingmq.gateway.codec;

import io.netty.handler.codec.DecoderException;
import io.starlingmq.contract.reason.DisconnectReason;

/**
 * A packet the frame stage refused, with the MQTT 5 reason that says why (Malformed Packet or Protocol
 * Error). It has no stack trace: it is an answer to bad input, not a bug.
 */
public final class FrameRejectedException extends DecoderException {

    private final DisconnectReason reasonCode;
    private final boolean connect;
    private final boolean mqtt5;

    public FrameRejectedException(DisconnectReason reasonCode, String message, boolean connect, boolean mqtt5) {
        super(message, null);
        this.reasonCode = reasonCode;
        this.connect = connect;
        this.mqtt5 = mqtt5;
    }

    /** The reason the client should be told (in a CONNACK: the CONNACK code of the same value). */
    public DisconnectReason reasonCode() {
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
