package io.starlingmq.gateway.codec;

import io.starlingmq.gateway.validation.ReasonCode;

/**
 * Thrown by the frame rules while they walk a packet; the frame stage adds what it knows about the packet
 * and turns it into a {@link FrameRejectedException}. No stack trace: it marks bad input.
 */
final class FrameViolation extends RuntimeException {

    private final int reasonCode;

    private FrameViolation(int reasonCode, String message) {
        super(message, null, false, false);
        this.reasonCode = reasonCode;
    }

    static FrameViolation malformed(String message) {
        return new FrameViolation(ReasonCode.MALFORMED_PACKET, message);
    }

    static FrameViolation protocolError(String message) {
        return new FrameViolation(ReasonCode.PROTOCOL_ERROR, message);
    }

    int reasonCode() {
        return reasonCode;
    }
}
