package io.starlingmq.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.starlingmq.contract.link.v1.Deliver;
import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.contract.link.v1.MessageProperties;
import io.starlingmq.gateway.alias.OutboundTopicAliases;
import io.starlingmq.gateway.session.ClientPreferences;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeliveryWriterTest {

    private static final long NOW = 1_700_000_000_000L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);

    private final EmbeddedChannel channel = new EmbeddedChannel();

    private DeliveryWriter writer(boolean mqtt5, long maximumPacketSize, int aliases) {
        return new DeliveryWriter(mqtt5, maximumPacketSize, new OutboundTopicAliases(aliases, 16), false, CLOCK);
    }

    private static List<String> publisherProperties(MqttPublishMessage publish) {
        return publish.variableHeader().properties().getProperties(MqttPropertyType.USER_PROPERTY.value()).stream()
                .map(property -> ((MqttProperties.UserProperty) property).value())
                .filter(pair -> pair.key.equals(DeliveryWriter.PUBLISHER_PROPERTY))
                .map(pair -> pair.value)
                .toList();
    }

    @Test
    void aConnectionAllowedToSeePublishersGetsThePublishersClientIdAsAUserProperty() {
        Deliver deliver = deliver("t", 0).setMessage(deliver("t", 0).getMessage().toBuilder().setPublisher("dev-7"))
                .build();
        MqttPublishMessage toBridge = written(new DeliveryWriter(true, Long.MAX_VALUE,
                new OutboundTopicAliases(0, 16), true, CLOCK), deliver, 1);
        MqttPublishMessage toDevice = written(writer(true, Long.MAX_VALUE, 0), deliver, 2);
        try {
            assertThat(publisherProperties(toBridge)).containsExactly("dev-7");
            assertThat(publisherProperties(toDevice)).isEmpty();
        } finally {
            toBridge.release();
            toDevice.release();
        }
    }

    private MqttPublishMessage written(DeliveryWriter writer, Deliver deliver, int packetId) {
        DeliveryWriter.Prepared prepared = writer.prepare(deliver);
        assertThat(prepared.sendable()).isTrue();
        writer.write(channel, prepared, packetId);
        return channel.readOutbound();
    }

    private static Deliver.Builder deliver(String topic, long expiresAtMs) {
        return Deliver.newBuilder().setQos(1).setMessage(Message.newBuilder().setTopic(topic).setQos(1)
                .setExpiresAtMs(expiresAtMs).setPayload(ByteString.copyFromUtf8("payload")));
    }

    @Test
    void aMessageWhoseExpiryPassedIsNotSent() {
        DeliveryWriter.Prepared prepared = writer(true, Long.MAX_VALUE, 0).prepare(deliver("t", NOW).build());
        assertThat(prepared.skip()).isEqualTo(DeliveryWriter.Skip.EXPIRED);
        assertThat(writer(false, Long.MAX_VALUE, 0).prepare(deliver("t", NOW - 1).build()).skip())
                .isEqualTo(DeliveryWriter.Skip.EXPIRED);
    }

    @Test
    @DisplayName("[MQTT-4.3.3-7] a QoS 2 PUBLISH sent before is resent after its expiry, with no expiry interval left")
    void anExpiredQosTwoResendIsStillSent() {
        Message expired = deliver("t", NOW - 1).getMessage().toBuilder().setQos(2)
                .setProperties(MessageProperties.newBuilder().setMessageExpiryInterval(1)).build();
        Deliver resend = Deliver.newBuilder().setQos(2).setDup(true).setMessage(expired).build();
        MqttPublishMessage publish = written(writer(true, Long.MAX_VALUE, 0), resend, 4);
        try {
            assertThat(publish.fixedHeader().isDup()).isTrue();
            assertThat(publish.variableHeader().properties()
                    .getProperty(MqttPropertyType.PUBLICATION_EXPIRY_INTERVAL.value())).isNull();
        } finally {
            publish.release();
        }
        assertThat(writer(true, Long.MAX_VALUE, 0).prepare(resend.toBuilder().setQos(1).build()).skip())
                .isEqualTo(DeliveryWriter.Skip.EXPIRED);
    }

    @Test
    @DisplayName("[MQTT-3.3.2-6] the Message Expiry Interval sent is what remains, rounded up to whole seconds")
    void theExpiryIntervalSentIsTheRemainderRoundedUp() {
        Deliver deliver = deliver("t", NOW + 2_001).setMessage(deliver("t", NOW + 2_001).getMessage().toBuilder()
                .setProperties(MessageProperties.newBuilder().setMessageExpiryInterval(60))).build();
        MqttPublishMessage publish = written(writer(true, Long.MAX_VALUE, 0), deliver, 1);
        try {
            assertThat(publish.variableHeader().properties()
                    .getProperty(MqttPropertyType.PUBLICATION_EXPIRY_INTERVAL.value()).value()).isEqualTo(3);
        } finally {
            publish.release();
        }
    }

    @Test
    void eachSubscriptionIdentifierBecomesAPropertyAndRetainFollowsTheDelivery() {
        Deliver deliver = deliver("t", 0).addAllSubscriptionIdentifiers(List.of(7, 300)).setRetained(true).build();
        MqttPublishMessage publish = written(writer(true, Long.MAX_VALUE, 0), deliver, 9);
        try {
            MqttProperties properties = publish.variableHeader().properties();
            assertThat(properties.getProperties(MqttPropertyType.SUBSCRIPTION_IDENTIFIER.value()))
                    .extracting(MqttProperties.MqttProperty::value).containsExactlyInAnyOrder(7, 300);
            assertThat(properties.getProperty(MqttPropertyType.PUBLICATION_EXPIRY_INTERVAL.value())).isNull();
            assertThat(publish.fixedHeader().isRetain()).isTrue();
            assertThat(publish.variableHeader().packetId()).isEqualTo(9);
        } finally {
            publish.release();
        }
    }

    @Test
    void aMqtt311ClientGetsNoProperties() {
        Deliver deliver = deliver("t", NOW + 5_000).addSubscriptionIdentifiers(7).build();
        MqttPublishMessage publish = written(writer(false, Long.MAX_VALUE, 0), deliver, 1);
        try {
            assertThat(publish.variableHeader().properties().isEmpty()).isTrue();
        } finally {
            publish.release();
        }
    }

    @Test
    void aRepeatedTopicIsSentAsAnAliasAfterItsFirstUse() {
        DeliveryWriter writer = writer(true, Long.MAX_VALUE, 4);
        MqttPublishMessage first = written(writer, deliver("a/b", 0).build(), 1);
        MqttPublishMessage second = written(writer, deliver("a/b", 0).build(), 2);
        try {
            assertThat(first.variableHeader().topicName()).isEqualTo("a/b");
            assertThat(second.variableHeader().topicName()).isEmpty();
            assertThat(second.variableHeader().properties().getProperty(MqttPropertyType.TOPIC_ALIAS.value()).value())
                    .isEqualTo(first.variableHeader().properties().getProperty(MqttPropertyType.TOPIC_ALIAS.value()).value());
        } finally {
            first.release();
            second.release();
        }
    }

    @Test
    @DisplayName("[MQTT-3.1.2-25] a PUBLISH larger than the client's Maximum Packet Size is not sent")
    void aPublishLargerThanTheClientsMaximumIsNotSent() {
        // fixed header 2 + topic 2+1 + packet id 2 + property length 1 + payload 7 = 15 bytes
        assertThat(writer(true, 15, 0).prepare(deliver("t", 0).build()).sendable()).isTrue();
        assertThat(writer(true, 14, 0).prepare(deliver("t", 0).build()).skip())
                .isEqualTo(DeliveryWriter.Skip.TOO_LARGE);
        assertThat(ClientPreferences.DEFAULTS.maximumPacketSize()).isEqualTo(ClientPreferences.NO_PACKET_SIZE_BOUND);
    }
}
