package io.starlingmq.bench.load;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.starlingmq.bench.client.BenchClient;
import io.starlingmq.bench.client.Endpoint;
import io.starlingmq.bench.client.MqttVersion;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A subscriber that reads every message at once but acknowledges (PUBACK, or PUBREC at QoS 2) at most
 * {@code acksPerSecond}: with the broker's outbound window full, it takes no more than that rate, and
 * the broker has to queue or drop the rest.
 */
public final class SlowSubscriber implements SlowConsumer {

    /** Unacknowledged messages held here; 65,535 is the most a broker can have in flight to one client. */
    private static final int PENDING_BOUND = 65_535;
    /**
     * The subscriber's MQTT 5 Receive Maximum: Starling's and our Mosquitto's outbound window (32), which
     * Mosquitto otherwise takes from the client (65,535 by default) instead of its max_inflight_messages.
     */
    static final int RECEIVE_MAXIMUM = 32;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final BenchClient client;
    private final BlockingQueue<Runnable> pending = new ArrayBlockingQueue<>(PENDING_BOUND);
    private final long ackIntervalNanos;
    private final Thread acker;
    private volatile boolean running = true;

    private SlowSubscriber(MqttVersion version, String clientId, Endpoint endpoint, Consumer<ByteBuffer> onMessage,
            double acksPerSecond) {
        if (acksPerSecond <= 0) {
            throw new IllegalArgumentException("acks per second must be positive: " + acksPerSecond);
        }
        this.ackIntervalNanos = (long) (1e9 / acksPerSecond);
        var transport = BenchClients.transport(endpoint);
        this.client = switch (version) {
            case V5 -> {
                Mqtt5AsyncClient c = MqttClient.builder().useMqttVersion5().identifier(clientId).transportConfig(transport)
                        .buildAsync();
                c.publishes(MqttGlobalPublishFilter.ALL, p -> received(onMessage, p.getPayload(), p::acknowledge), true);
                yield new Mqtt5BenchClient(c, null, null, RECEIVE_MAXIMUM, null);
            }
            case V311 -> {
                Mqtt3AsyncClient c = MqttClient.builder().useMqttVersion3().identifier(clientId).transportConfig(transport).buildAsync();
                c.publishes(MqttGlobalPublishFilter.ALL, p -> received(onMessage, p.getPayload(), p::acknowledge), true);
                yield new Mqtt3BenchClient(c, null, null, null);
            }
        };
        this.acker = Thread.ofPlatform().daemon().name("bench-slow-acker-" + clientId).start(this::ackAtRate);
    }

    public static SlowSubscriber create(MqttVersion version, String clientId, Endpoint endpoint, Consumer<ByteBuffer> onMessage,
            double acksPerSecond) {
        return new SlowSubscriber(version, clientId, endpoint, onMessage, acksPerSecond);
    }

    private void received(Consumer<ByteBuffer> onMessage, Optional<ByteBuffer> payload, Runnable acknowledge) {
        onMessage.accept(payload.orElse(ByteBuffer.allocate(0)));
        if (!pending.offer(acknowledge)) {
            // Cannot happen within MQTT's packet-id space; acknowledging beats stalling the connection.
            acknowledge.run();
        }
    }

    /** One acknowledgement per interval, on a fixed schedule that never catches up on idle time. */
    private void ackAtRate() {
        long next = System.nanoTime();
        while (running) {
            Runnable ack;
            try {
                ack = pending.poll(POLL_NANOS, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (ack == null) {
                continue;
            }
            long now = System.nanoTime();
            next = Math.max(next, now);
            if (next > now) {
                LockSupport.parkNanos(next - now);
            }
            ack.run();
            next += ackIntervalNanos;
        }
    }

    @Override
    public BenchClient client() {
        return client;
    }

    public CompletableFuture<Void> disconnect() {
        return client.disconnect();
    }

    @Override
    public void close() {
        running = false;
        acker.interrupt();
    }
}
