package io.starlingmq.gateway.mqtt;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.starlingmq.contract.link.v1.GatewayEvent;
import io.starlingmq.contract.reason.DisconnectReason;
import io.starlingmq.contract.reason.PubcompReason;
import io.starlingmq.contract.reason.PubrecReason;
import io.starlingmq.contract.reason.PubrelReason;
import io.starlingmq.contract.reason.ReasonCode;
import io.starlingmq.gateway.session.Connection;
import io.starlingmq.gateway.session.ConnectionIdentity;

/**
 * What the parts of an open session share: the channel, the connection, the way to the router and the
 * ways to answer or end the client. Confined to the channel's event loop.
 */
final class SessionContext {

    private final ChannelHandlerContext ctx;
    private final Connection connection;
    private final ConnectionServices services;
    private final InboundBackPressure backPressure;

    SessionContext(ChannelHandlerContext ctx, Connection connection, ConnectionServices services) {
        this.ctx = ctx;
        this.connection = connection;
        this.services = services;
        this.backPressure = new InboundBackPressure(ctx, connection, services.metrics());
    }

    ChannelHandlerContext ctx() {
        return ctx;
    }

    Connection connection() {
        return connection;
    }

    ConnectionIdentity identity() {
        return connection.identity();
    }

    ConnectionServices services() {
        return services;
    }

    boolean mqtt5() {
        return connection.identity().isMqtt5();
    }

    /** Reading resumes (after CONNACK, when the inbound window has room, when the link drained) unless a reason to hold remains. */
    void resumeReading() {
        backPressure.resume();
    }

    /** The inbound window is full: the client's next QoS 1/2 PUBLISH waits unread until a slot frees. */
    void pauseForWindow() {
        backPressure.windowFull();
    }

    /**
     * Sends an event to the router. A congested link holds this connection's reading until it drains;
     * only a link queue that is full even so (the router gone for long) ends the connection, since
     * dropping the event would break a promise made to the client.
     */
    void toRouter(GatewayEvent event) {
        if (!connection.toRouter(event)) {
            disconnect(DisconnectReason.SERVER_BUSY);
            return;
        }
        backPressure.afterSend();
    }

    void disconnect(DisconnectReason reason) {
        Disconnects.disconnect(ctx.channel(), mqtt5(), reason);
    }

    /** Reason String properties for a refusal, unless the client asked for none (5.0 §3.1.2.11.7). */
    MqttProperties refusalProperties(ReasonCode reason) {
        return connection.preferences().problemInformation()
                ? ReasonStrings.properties(reason) : MqttProperties.NO_PROPERTIES;
    }

    void writePubrec(int packetId, PubrecReason reason) {
        ctx.writeAndFlush(pubrec(packetId, reason));
    }

    MqttMessage pubrec(int packetId, PubrecReason reason) {
        return pubReply(MqttMessageType.PUBREC, packetId, reason);
    }

    void writePubrel(int packetId, PubrelReason reason) {
        ctx.writeAndFlush(pubReply(MqttMessageType.PUBREL, packetId, reason));
    }

    void writePubcomp(int packetId, PubcompReason reason) {
        ctx.writeAndFlush(pubReply(MqttMessageType.PUBCOMP, packetId, reason));
    }

    /** PUBREC, PUBREL or PUBCOMP; the encoder leaves the reason code out for 3.1.1 and when it is 0. */
    private MqttMessage pubReply(MqttMessageType type, int packetId, ReasonCode reason) {
        // PUBREL's fixed header flags must be 0010 (MQTT 3.6.1).
        MqttQoS flags = type == MqttMessageType.PUBREL ? MqttQoS.AT_LEAST_ONCE : MqttQoS.AT_MOST_ONCE;
        MqttProperties properties = mqtt5() && reason.isError()
                ? refusalProperties(reason) : MqttProperties.NO_PROPERTIES;
        return new MqttMessage(new MqttFixedHeader(type, false, flags, false, 0),
                new MqttPubReplyMessageVariableHeader(packetId, (byte) reason.code(), properties));
    }
}
