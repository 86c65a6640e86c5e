package io.starlingmq.gateway.session;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import io.starlingmq.contract.reason.ConnackReason;
import io.starlingmq.contract.reason.DisconnectReason;

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
    /** Asked to leave a gateway holding more than its share of the fleet's connections. */
    public static final String REBALANCED = "rebalanced";
    /** Asked to reconnect because its client id maps to another router now. */
    public static final String ROUTER_MOVED = "router_moved";

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

    /** The cause behind a DISCONNECT the gateway sends. */
    public static String forDisconnect(DisconnectReason reason) {
        return switch (reason) {
            case SESSION_TAKEN_OVER -> TAKEN_OVER;
            case KEEP_ALIVE_TIMEOUT -> KEEPALIVE_TIMEOUT;
            case MAXIMUM_CONNECT_TIME -> CREDENTIAL_EXPIRED;
            case SERVER_SHUTTING_DOWN, USE_ANOTHER_SERVER, SERVER_MOVED -> GATEWAY_SHUTDOWN;
            // The gateway's own trouble (router link lost or saturated), not the client's doing.
            case UNSPECIFIED_ERROR, SERVER_BUSY -> CLOSED;
            default -> PROTOCOL_ERROR;
        };
    }

    /** The cause behind a CONNACK that refuses a connection. */
    public static String forConnack(ConnackReason reason) {
        return switch (reason) {
            case USE_ANOTHER_SERVER, SERVER_MOVED -> GATEWAY_SHUTDOWN;
            // The gateway's own trouble (router link lost or saturated, auth service away), not the client's doing.
            case UNSPECIFIED_ERROR, SERVER_UNAVAILABLE, SERVER_BUSY -> CLOSED;
            default -> PROTOCOL_ERROR;
        };
    }
}
