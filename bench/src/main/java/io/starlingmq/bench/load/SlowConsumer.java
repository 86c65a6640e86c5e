package io.starlingmq.bench.load;

import io.starlingmq.bench.client.BenchClient;
import io.starlingmq.bench.client.Endpoint;
import io.starlingmq.bench.client.MqttVersion;
import io.starlingmq.bench.netty.NettyClientSpec;
import io.starlingmq.bench.netty.NettyClients;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * A subscriber that takes at most a given number of messages a second, so the broker must queue or drop
 * the rest. At QoS 1/2 it withholds acknowledgements ({@link SlowSubscriber}, the HiveMQ client with manual
 * acks); at QoS 0, which has none, it reads slowly from its socket (the raw Netty client with paced reads),
 * so the broker meets a full socket.
 */
public interface SlowConsumer extends AutoCloseable {

    /** The connection as a plain client: connect, subscribe, disconnect. */
    BenchClient client();

    @Override
    void close();

    static SlowConsumer create(MqttVersion version, int qos, String clientId, Endpoint endpoint, Consumer<ByteBuffer> onMessage,
            double messagesPerSecond) {
        if (qos > 0) {
            return SlowSubscriber.create(version, clientId, endpoint, onMessage, messagesPerSecond);
        }
        BenchClient reader = NettyClients.create(NettyClientSpec.of(version, clientId, endpoint, onMessage, null)
                .readingAtMost(messagesPerSecond));
        return new SlowConsumer() {
            @Override
            public BenchClient client() {
                return reader;
            }

            @Override
            public void close() {
                // The paced reads stop with the connection; nothing of its own to stop.
            }
        };
    }
}
