package io.starlingmq.gateway.support;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttMessage;

/** Feeds raw bytes through netty's MqttDecoder on an EmbeddedChannel and returns what it decoded. */
public final class Decoded {

    private Decoded() {
    }

    /** Decodes a CONNECT (which sets the channel's protocol version) followed by the packet under test. */
    public static MqttMessage after(byte[] connect, byte[] packet) {
        EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder(64 * 1024, 1024));
        channel.writeInbound(Unpooled.wrappedBuffer(connect));
        channel.readInbound();
        channel.writeInbound(Unpooled.wrappedBuffer(packet));
        MqttMessage message = channel.readInbound();
        channel.finishAndReleaseAll();
        return message;
    }

    public static MqttMessage single(byte[] packet) {
        EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder(64 * 1024, 1024));
        channel.writeInbound(Unpooled.wrappedBuffer(packet));
        MqttMessage message = channel.readInbound();
        channel.finishAndReleaseAll();
        return message;
    }
}
