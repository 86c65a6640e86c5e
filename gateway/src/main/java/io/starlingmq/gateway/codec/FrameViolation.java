package io.starlingmq.gateway.codec;

import io.starlingmq.contract.reason.DisconnectReason;

/**
 * Thrown by the frame rules while they walk a packet; the frame stage adds what it knows about the packet
 * and turns it into a {@link FrameRejectedException}. No stack trace: it marks bad input.
 */
final class FrameViolation extends RuntimeException {

    private final DisconnectReason reasonCode;

    private FrameViolation(DisconnectReason reasonCode, String message) {
        super(message, null, false, false);
        this.reasonCode = reasonCode;
    }

    static FrameViolation malformed(String message) {
        return new FrameViolation(DisconnectReason.MALFORMED_PACKET, message);
    }

    static FrameViolation protocolError(String message) {
        return new FrameViolation(DisconnectReason.PROTOCOL_ERROR, message);
    }

    DisconnectReason reasonCode() {
        return reasonCode;
    }
}
