package io.starlingmq.gateway.mqtt;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.util.ReferenceCountUtil;
import io.starlingmq.contract.link.v1.Kick;
import io.starlingmq.contract.link.v1.RouterEvent;
import io.starlingmq.contract.reason.DisconnectReason;
import io.starlingmq.contract.reason.PubackReason;
import io.starlingmq.gateway.metrics.GatewayMetrics;
import io.starlingmq.gateway.session.CloseReason;
import io.starlingmq.gateway.session.Connection;
import io.starlingmq.gateway.session.ConnectionIdentity;
import io.starlingmq.gateway.session.RouterEventListener;
import io.starlingmq.gateway.validation.PropertyRules;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Serves an accepted connection: hands the client's packets and the router's events to the flow they
 * belong to (publishes in, subscriptions, deliveries out) and ends the connection on DISCONNECT, Kick,
 * lost link or protocol error.
 */
public final class SessionHandler extends ChannelInboundHandlerAdapter implements RouterEventListener {

    private static final Logger LOG = Logger.getLogger(SessionHandler.class);

    private final ConnectionServices services;
    private final Connection connection;
    private final ConnectionIdentity identity;
    private final GatewayMetrics metrics;
    private SessionContext session;
    private InboundFlow inbound;
    private SubscriptionFlow subscriptions;
    private DeliveryFlow deliveries;

    SessionHandler(ConnectionServices services, Connection connection) {
        this.services = services;
        this.connection = connection;
        this.identity = connection.identity();
        this.metrics = services.metrics();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        session = new SessionContext(ctx, connection, services);
        inbound = new InboundFlow(session);
        subscriptions = new SubscriptionFlow(session);
        deliveries = new DeliveryFlow(session, Clock.systemUTC());
        metrics.connectionOpened();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        metrics.connectionClosed();
    }

    /** Reading resumes after CONNACK unless the inbound window is already full. */
    void resumeReading() {
        session.resumeReading();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (Disconnects.isClosing(ctx.channel()) || !(msg instanceof MqttMessage message)) {
                return;
            }
            switch (message.fixedHeader().messageType()) {
                case PUBLISH -> inbound.onPublish((MqttPublishMessage) message);
                case PUBACK -> deliveries.onPubAck(message);
                case PUBREC -> deliveries.onPubRec(message);
                case PUBREL -> inbound.onPubRel(((MqttMessageIdVariableHeader) message.variableHeader()).messageId());
                case PUBCOMP -> deliveries.onPubComp(message);
                case SUBSCRIBE -> subscriptions.onSubscribe((MqttSubscribeMessage) message);
                case UNSUBSCRIBE -> subscriptions.onUnsubscribe((MqttUnsubscribeMessage) message);
                case PINGREQ -> ctx.writeAndFlush(MqttMessage.PINGRESP);
                case DISCONNECT -> onDisconnect(message);
                default -> session.disconnect(DisconnectReason.PROTOCOL_ERROR);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onDisconnect(MqttMessage disconnect) {
        int reason = DisconnectReason.NORMAL_DISCONNECTION.code();
        if (identity.isMqtt5() && disconnect.variableHeader() instanceof MqttReasonCodeAndPropertiesVariableHeader header) {
            reason = Byte.toUnsignedInt(header.reasonCode());
            if (!PropertyRules.onlyAllowed(header.properties(), PropertyRules.DISCONNECT)) {
                session.disconnect(DisconnectReason.MALFORMED_PACKET);
                return;
            }
            long expiry = PropertyRules.intValue(header.properties(), MqttPropertyType.SESSION_EXPIRY_INTERVAL, -1);
            if (expiry >= 0) {
                if (identity.sessionExpiry() == 0 && expiry != 0) {
                    // 5.0 §3.14.2.2.2: a session that ends with its connection cannot be extended here.
                    session.disconnect(DisconnectReason.PROTOCOL_ERROR);
                    return;
                }
                identity.changeSessionExpiry(expiry);
            }
        }
        // Only Normal disconnection removes the will; every other reason, 0x04 or an error, keeps it
        // [MQTT-3.1.2-8] (5.0 §3.14.4).
        if (reason == DisconnectReason.NORMAL_DISCONNECTION.code()) {
            connection.markGraceful();
        }
        CloseReason.record(session.ctx().channel(), CloseReason.NORMAL);
        Disconnects.close(session.ctx().channel());
    }

    @Override
    public void onRouterEvent(RouterEvent event) {
        switch (event.getEventCase()) {
            // A code PUBACK cannot carry (a router newer than this gateway) is answered as a failure.
            case PUBLISH_DONE -> inbound.completeInbound(event.getPublishDone().getPacketId(),
                    PubackReason.fromCode(event.getPublishDone().getReasonCode()).orElse(PubackReason.UNSPECIFIED_ERROR));
            case SUBSCRIBED -> subscriptions.onSubscribed(event.getSubscribed());
            case UNSUBSCRIBED -> subscriptions.onUnsubscribed(event.getUnsubscribed());
            case DELIVER -> deliveries.onDeliver(event.getDeliver());
            case RELEASE_DONE -> inbound.onReleaseDone(event.getReleaseDone());
            case KICK -> onKick(event.getKick());
            default -> LOG.debugf("Ignoring %s for open connection %d", event.getEventCase(), identity.connectionId());
        }
    }

    /** 0x8E (or no code) is a takeover; any other code is the router ending the connection for its own reason. */
    private void onKick(Kick kick) {
        DisconnectReason reason = kick.getReasonCode() == 0 ? DisconnectReason.SESSION_TAKEN_OVER
                : DisconnectReason.fromCode(kick.getReasonCode()).orElse(DisconnectReason.UNSPECIFIED_ERROR);
        Disconnects.disconnect(session.ctx().channel(), identity.isMqtt5(), reason,
                reason == DisconnectReason.SESSION_TAKEN_OVER ? CloseReason.TAKEN_OVER : CloseReason.KICKED);
    }

    @Override
    public void onLinkLost() {
        session.disconnect(DisconnectReason.UNSPECIFIED_ERROR);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debugf(cause, "Connection %d failed", identity.connectionId());
        Disconnects.close(ctx.channel());
    }
}
