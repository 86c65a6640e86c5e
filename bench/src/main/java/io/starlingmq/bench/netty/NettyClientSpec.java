package io.starlingmq.bench.netty;

import io.starlingmq.bench.client.Credentials;
import io.starlingmq.bench.client.Endpoint;
import io.starlingmq.bench.client.MqttVersion;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * One raw Netty client: who it is, where it connects, and how it reads.
 *
 * @param onMessage receives the payload of every message delivered, on the event loop; null for publishers
 * @param credentials presented on CONNECT; null connects anonymously
 * @param receiveMaximum the MQTT 5 Receive Maximum sent in CONNECT; 0 sends none (the broker assumes 65,535)
 * @param messagesPerSecond read from the socket at most this many PUBLISH packets a second, leaving the rest in
 *        the kernel's buffers and the broker's (a slow consumer at QoS 0, where no acknowledgement can be
 *        withheld); 0 reads as fast as data arrives
 */
public record NettyClientSpec(MqttVersion version, String clientId, Endpoint endpoint, Consumer<ByteBuffer> onMessage,
        Credentials credentials, int receiveMaximum, double messagesPerSecond) {

    public NettyClientSpec {
        if (receiveMaximum < 0 || receiveMaximum > 0xFFFF) {
            throw new IllegalArgumentException("receive maximum " + receiveMaximum);
        }
        if (messagesPerSecond < 0) {
            throw new IllegalArgumentException("messages per second " + messagesPerSecond);
        }
    }

    public static NettyClientSpec of(MqttVersion version, String clientId, Endpoint endpoint, Consumer<ByteBuffer> onMessage,
            Credentials credentials) {
        return new NettyClientSpec(version, clientId, endpoint, onMessage, credentials, 0, 0);
    }

    public NettyClientSpec readingAtMost(double perSecond) {
        return new NettyClientSpec(version, clientId, endpoint, onMessage, credentials, receiveMaximum, perSecond);
    }

    boolean mqtt5() {
        return version == MqttVersion.V5;
    }

    boolean pacedReads() {
        return messagesPerSecond > 0;
    }
}
