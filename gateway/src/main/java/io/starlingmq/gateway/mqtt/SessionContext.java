package io.starlingmq.gateway.mqtt;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.starlingmq.contract.link.v1.GatewayEvent;
import io.starlingmq.gateway.session.Connection;
import io.starlingmq.gateway.session.ConnectionIdentity;
import io.starlingmq.gateway.validation.ReasonCode;

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
            disconnect(ReasonCode.SERVER_BUSY);
            return;
        }
        backPressure.afterSend();
    }

    void disconnect(int reasonCode) {
        Disconnects.disconnect(ctx.channel(), mqtt5(), reasonCode);
    }

    /** Reason String properties for a refusal, unless the client asked for none (5.0 §3.1.2.11.7). */
    MqttProperties refusalProperties(int reasonCode) {
        return connection.preferences().problemInformation()
                ? ReasonStrings.properties(reasonCode) : MqttProperties.NO_PROPERTIES;
    }

    void writePubReply(MqttMessageType type, int packetId, int reasonCode) {
        ctx.writeAndFlush(pubReply(type, packetId, reasonCode));
    }

    /** PUBACK, PUBREC, PUBREL or PUBCOMP; the encoder leaves the reason code out for 3.1.1 and when it is 0. */
    MqttMessage pubReply(MqttMessageType type, int packetId, int reasonCode) {
        // PUBREL's fixed header flags must be 0010 (MQTT 3.6.1).
        MqttQoS flags = type == MqttMessageType.PUBREL ? MqttQoS.AT_LEAST_ONCE : MqttQoS.AT_MOST_ONCE;
        MqttProperties properties = mqtt5() && reasonCode >= ReasonCode.UNSPECIFIED_ERROR
                ? refusalProperties(reasonCode) : MqttProperties.NO_PROPERTIES;
        return new MqttMessage(new MqttFixedHeader(type, false, flags, false, 0),
                new MqttPubReplyMessageVariableHeader(packetId, (byte) reasonCode, properties));
    }
}
