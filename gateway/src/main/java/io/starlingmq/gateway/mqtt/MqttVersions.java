package io.starlingmq.gateway.mqtt;

import io.netty.channel.Channel;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.util.AttributeKey;

/** Reads the protocol version the codec recorded on the channel when it decoded CONNECT. */
final class MqttVersions {

    /** The codec's own attribute name; its accessor is package-private. */
    private static final AttributeKey<MqttVersion> CODEC_VERSION = AttributeKey.valueOf("NETTY_CODEC_MQTT_VERSION");

    private MqttVersions() {
    }

    static boolean isMqtt5(Channel channel) {
        return channel.attr(CODEC_VERSION).get() == MqttVersion.MQTT_5;
    }
}
