package io.starlingmq.gateway.mqtt;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.starlingmq.contract.reason.DisconnectReason;

/**
 * Ends a connection that sent nothing for 1.5 times its keepalive (MQTT 3.1.1 §3.1.2.10). A connection
 * whose reading the gateway paused to hold its client back is not idle by its client's doing: its
 * packets wait unread, so the timer's verdict is ignored until reading resumes.
 */
final class KeepAliveTimeoutHandler extends ChannelInboundHandlerAdapter {

    private final boolean mqtt5;

    KeepAliveTimeoutHandler(boolean mqtt5) {
        this.mqtt5 = mqtt5;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
            if (!ctx.channel().config().isAutoRead()) {
                return;
            }
            Disconnects.disconnect(ctx.channel(), mqtt5, DisconnectReason.KEEP_ALIVE_TIMEOUT);
            return;
        }
        super.userEventTriggered(ctx, event);
    }
}
