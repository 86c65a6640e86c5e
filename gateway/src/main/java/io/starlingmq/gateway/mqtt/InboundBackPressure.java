package io.starlingmq.gateway.mqtt;

import io.netty.channel.ChannelHandlerContext;
import io.starlingmq.gateway.codec.FrameAdmission;
import io.starlingmq.gateway.codec.StrictFrameDecoder;
import io.starlingmq.gateway.metrics.GatewayMetrics;
import io.starlingmq.gateway.session.Connection;
import org.jboss.logging.Logger;

/**
 * Why an open connection's packets are not read now, and reading again once the reason has gone. Three
 * reasons: its inbound window is full (as many unconfirmed QoS 1/2 publishes as the Receive Maximum
 * announced), which holds back its next QoS 1/2 PUBLISH; its router link is congested, which holds
 * back every packet; and a move to another router, which holds back every packet until the connection is asked
 * to reconnect. A held packet stays in the frame stage's buffer and the socket is not read, so the
 * client is slowed by TCP and nothing is dropped or answered with a disconnect. Confined to the channel's
 * event loop.
 */
final class InboundBackPressure implements FrameAdmission {

    private static final Logger LOG = Logger.getLogger(InboundBackPressure.class);
    private static final int PUBLISH = 3;

    private final ChannelHandlerContext ctx;
    private final Connection connection;
    private final GatewayMetrics metrics;
    private final StrictFrameDecoder frames;
    private boolean heldForLink;

    InboundBackPressure(ChannelHandlerContext ctx, Connection connection, GatewayMetrics metrics) {
        this.ctx = ctx;
        this.connection = connection;
        this.metrics = metrics;
        this.frames = ctx.pipeline().get(StrictFrameDecoder.class);
        if (frames != null) {
            frames.admitWith(this);
        }
    }

    @Override
    public boolean admits(int packetType, int qos) {
        if (heldForLink || connection.heldForMoveSince() != 0) {
            return false;
        }
        return packetType != PUBLISH || qos == 0 || !connection.inbound().full();
    }

    /** After an event went to the router: a congested link stops this connection's reading until it drains. */
    void afterSend() {
        if (heldForLink || !connection.linkCongested()) {
            return;
        }
        heldForLink = true;
        metrics.readingPaused(GatewayMetrics.PAUSE_LINK);
        ctx.channel().config().setAutoRead(false);
        connection.whenLinkDrained(this::linkDrained);
    }

    /** The inbound window has just filled: stop reading until a confirmation frees a slot. */
    void windowFull() {
        metrics.readingPaused(GatewayMetrics.PAUSE_WINDOW);
        ctx.channel().config().setAutoRead(false);
    }

    private void linkDrained() {
        heldForLink = false;
        resume();
    }

    /** Reading resumes (after CONNACK, when the window has room, when the link drained) unless a reason remains. */
    void resume() {
        if (heldForLink || connection.inbound().full() || connection.heldForMoveSince() != 0
                || Disconnects.isClosing(ctx.channel())) {
            return;
        }
        ctx.channel().config().setAutoRead(true);
        if (frames != null) {
            try {
                frames.resume(ctx.pipeline().context(frames));
            } catch (Exception e) {
                LOG.debugf(e, "resuming the held packets of connection %d failed", connection.identity().connectionId());
                ctx.fireExceptionCaught(e);
            }
        }
    }
}
