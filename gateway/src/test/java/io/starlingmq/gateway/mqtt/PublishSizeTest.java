package io.starlingmq.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.util.AttributeKey;
import org.junit.jupiter.api.Test;

/** The computed size must be what netty's encoder writes, byte for byte. */
class PublishSizeTest {

    @Test
    void matchesTheEncodedSizeOfAMqtt5PublishWithEveryKindOfProperty() {
        MqttProperties properties = new MqttProperties();
        properties.add(new MqttProperties.IntegerProperty(MqttPropertyType.PAYLOAD_FORMAT_INDICATOR.value(), 1));
        properties.add(new MqttProperties.IntegerProperty(MqttPropertyType.PUBLICATION_EXPIRY_INTERVAL.value(), 90));
        properties.add(new MqttProperties.IntegerProperty(MqttPropertyType.TOPIC_ALIAS.value(), 3));
        properties.add(new MqttProperties.IntegerProperty(MqttPropertyType.SUBSCRIPTION_IDENTIFIER.value(), 5));
        properties.add(new MqttProperties.IntegerProperty(MqttPropertyType.SUBSCRIPTION_IDENTIFIER.value(), 200_000));
        properties.add(new MqttProperties.StringProperty(MqttPropertyType.CONTENT_TYPE.value(), "text/plain"));
        properties.add(new MqttProperties.StringProperty(MqttPropertyType.RESPONSE_TOPIC.value(), "réponse/x"));
        properties.add(new MqttProperties.BinaryProperty(MqttPropertyType.CORRELATION_DATA.value(), new byte[7]));
        properties.add(new MqttProperties.UserProperty("k", "v"));
        properties.add(new MqttProperties.UserProperty("ключ", "значение"));
        assertSizeMatches(true, "sensors/ü/1", MqttQoS.AT_LEAST_ONCE, properties, 300);
    }

    @Test
    void matchesTheEncodedSizeAcrossRemainingLengthBoundaries() {
        for (int payload : new int[] {0, 100, 122, 123, 124, 16_000, 16_400}) {
            assertSizeMatches(true, "t", MqttQoS.AT_MOST_ONCE, MqttProperties.NO_PROPERTIES, payload);
            assertSizeMatches(false, "t", MqttQoS.EXACTLY_ONCE, MqttProperties.NO_PROPERTIES, payload);
        }
    }

    private static void assertSizeMatches(boolean mqtt5, String topic, MqttQoS qos, MqttProperties properties,
            int payloadLength) {
        EmbeddedChannel channel = new EmbeddedChannel(MqttEncoder.INSTANCE);
        MqttVersion version = mqtt5 ? MqttVersion.MQTT_5 : MqttVersion.MQTT_3_1_1;
        // The encoder reads the protocol version from the channel, as set by the decoder on CONNECT.
        channel.attr(AttributeKey.<MqttVersion>valueOf("NETTY_CODEC_MQTT_VERSION")).set(version);
        MqttPublishMessage publish = new MqttPublishMessage(new MqttFixedHeader(MqttMessageType.PUBLISH, false, qos,
                false, 0), new MqttPublishVariableHeader(topic, qos == MqttQoS.AT_MOST_ONCE ? 0 : 1, properties),
                Unpooled.wrappedBuffer(new byte[payloadLength]));
        channel.writeOutbound(publish);
        ByteBuf encoded = channel.readOutbound();
        try {
            assertThat(PublishSize.of(topic, qos != MqttQoS.AT_MOST_ONCE, properties, mqtt5, payloadLength))
                    .isEqualTo(encoded.readableBytes());
        } finally {
            encoded.release();
            channel.finishAndReleaseAll();
        }
    }
}
