package io.starlingmq.gateway.session;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/**
 * Why a connection ended, in the vocabulary of SessionClose.reason. The first cause recorded on a
 * channel wins (a protocol error that ends in a socket close stays a protocol error).
 */
public final class CloseReason {

    public static final String NORMAL = "normal";
    public static final String TAKEN_OVER = "takenover";
    public static final String KICKED = "kicked";
    public static final String KEEPALIVE_TIMEOUT = "keepalive_timeout";
    public static final String PROTOCOL_ERROR = "protocol_error";
    public static final String CLOSED = "closed";
    public static final String CREDENTIAL_EXPIRED = "credential_expired";
    public static final String GATEWAY_SHUTDOWN = "gateway_shutdown";

    private static final AttributeKey<String> REASON = AttributeKey.valueOf("starling.close-reason");

    private CloseReason() {
    }

    /** Records why the channel ends, unless a cause was recorded already. */
    public static void record(Channel channel, String reason) {
        channel.attr(REASON).setIfAbsent(reason);
    }

    /** The recorded cause, or "closed" (the socket closed without any other cause). */
    public static String of(Channel channel) {
        String reason = channel.attr(REASON).get();
        return reason == null ? CLOSED : reason;
    }

    /** The cause behind a DISCONNECT reason code the gateway sends. */
    public static String forDisconnectCode(int reasonCode) {
        return switch (reasonCode) {
            case 0x8E -> TAKEN_OVER;
            case 0x8D -> KEEPALIVE_TIMEOUT;
            case 0xA0 -> CREDENTIAL_EXPIRED;
            case 0x8B, 0x9C, 0x9D -> GATEWAY_SHUTDOWN;
            // The gateway's own trouble (router link lost or saturated), not the client's doing.
            case 0x80, 0x88, 0x89 -> CLOSED;
            default -> PROTOCOL_ERROR;
        };
    }
}
