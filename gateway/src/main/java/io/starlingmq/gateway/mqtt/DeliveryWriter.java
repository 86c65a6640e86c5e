package io.starlingmq.gateway.mqtt;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOutboundInvoker;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.IntegerProperty;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.starlingmq.contract.link.v1.Deliver;
import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.contract.link.v1.MessageProperties;
import io.starlingmq.gateway.alias.OutboundTopicAliases;
import java.time.Clock;

/**
 * Turns a router's Deliver into the PUBLISH this client gets, at the moment it is written: a message
 * whose expiry passed is not sent (unless it is the resend of a QoS 2 PUBLISH, sent then without an
 * expiry interval), the Message Expiry Interval is what remains (whole seconds, rounded up), each Subscription Identifier becomes a property, RETAIN follows Deliver.retained, the topic may
 * be replaced by an alias, and a packet larger than the client's Maximum Packet Size is not sent
 * [MQTT-3.1.2-25]. A connection that may see publishers (the bridge's) gets the publisher's client id as the
 * user property {@value #PUBLISHER_PROPERTY}. Confined to the channel's event loop.
 */
final class DeliveryWriter {

    /** Why a delivery was not sent: either way the gateway treats it as delivered. */
    enum Skip {
        EXPIRED,
        TOO_LARGE
    }

    /** The user property that names a delivery's publisher, for connections allowed to see it. */
    static final String PUBLISHER_PROPERTY = "starling-publisher";

    private final boolean mqtt5;
    private final boolean publisherIdentity;
    private final long maximumPacketSize;
    private final OutboundTopicAliases aliases;
    private final Clock clock;

    DeliveryWriter(boolean mqtt5, long maximumPacketSize, OutboundTopicAliases aliases, boolean publisherIdentity,
                   Clock clock) {
        this.mqtt5 = mqtt5;
        this.publisherIdentity = publisherIdentity;
        this.maximumPacketSize = maximumPacketSize;
        this.aliases = aliases;
        this.clock = clock;
    }

    /** The PUBLISH for a delivery, not yet numbered, or why it must not be sent. */
    Prepared prepare(Deliver deliver) {
        Message message = deliver.getMessage();
        long remainingMillis = message.getExpiresAtMs() == 0 ? -1 : message.getExpiresAtMs() - clock.millis();
        boolean expired = message.getExpiresAtMs() != 0 && remainingMillis <= 0;
        // A QoS 2 PUBLISH sent before (a resend) is completed whatever its expiry [MQTT-4.3.3-7].
        boolean sentBefore = deliver.getDup() && deliver.getQos() == 2;
        if (expired && !sentBefore) {
            return new Prepared(deliver, null, null, Skip.EXPIRED);
        }
        MqttProperties properties = MqttProperties.NO_PROPERTIES;
        OutboundTopicAliases.Choice alias = OutboundTopicAliases.NONE;
        if (mqtt5) {
            MessageProperties carried = expired
                    ? message.getProperties().toBuilder().clearMessageExpiryInterval().build()
                    : message.getProperties();
            properties = message.hasProperties() ? MessageMapping.toMqtt(carried) : new MqttProperties();
            if (remainingMillis > 0) {
                long seconds = (remainingMillis + 999) / 1000;
                properties.add(new IntegerProperty(MqttPropertyType.PUBLICATION_EXPIRY_INTERVAL.value(),
                        (int) Math.min(seconds, 0xFFFFFFFFL)));
            }
            if (publisherIdentity && !message.getPublisher().isEmpty()) {
                properties.add(new MqttProperties.UserProperty(PUBLISHER_PROPERTY, message.getPublisher()));
            }
            for (int identifier : deliver.getSubscriptionIdentifiersList()) {
                properties.add(new IntegerProperty(MqttPropertyType.SUBSCRIPTION_IDENTIFIER.value(), identifier));
            }
            alias = aliases.choose(message.getTopic());
            if (alias.alias() != 0) {
                properties.add(new IntegerProperty(MqttPropertyType.TOPIC_ALIAS.value(), alias.alias()));
            }
        }
        String topic = alias.sendTopic() ? message.getTopic() : "";
        long size = PublishSize.of(topic, deliver.getQos() > 0, properties, mqtt5, message.getPayload().size());
        if (size > maximumPacketSize) {
            return new Prepared(deliver, null, null, Skip.TOO_LARGE);
        }
        return new Prepared(deliver, properties, alias, null);
    }

    /** Writes a prepared PUBLISH with its packet id (0 for QoS 0) and records the alias it set. */
    void write(ChannelOutboundInvoker out, Prepared prepared, int packetId) {
        Deliver deliver = prepared.deliver();
        Message message = deliver.getMessage();
        aliases.commit(prepared.alias());
        String topic = prepared.alias().sendTopic() ? message.getTopic() : "";
        MqttFixedHeader header = new MqttFixedHeader(MqttMessageType.PUBLISH, deliver.getDup(),
                MqttQoS.valueOf(deliver.getQos()), deliver.getRetained(), 0);
        out.writeAndFlush(new MqttPublishMessage(header,
                new MqttPublishVariableHeader(topic, packetId, prepared.properties()),
                Unpooled.wrappedBuffer(message.getPayload().asReadOnlyByteBuffer())));
    }

    /** A delivery ready to write ({@code skip} null), or the reason it is not sent. */
    record Prepared(Deliver deliver, MqttProperties properties, OutboundTopicAliases.Choice alias, Skip skip) {

        boolean sendable() {
            return skip == null;
        }
    }
}
