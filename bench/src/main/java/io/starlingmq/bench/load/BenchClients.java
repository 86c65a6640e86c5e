package io.starlingmq.bench.load;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientExecutorConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfigBuilder;
import io.reactivex.schedulers.Schedulers;
import io.starlingmq.bench.client.BenchClient;
import io.starlingmq.bench.client.Credentials;
import io.starlingmq.bench.client.Endpoint;
import io.starlingmq.bench.client.MqttVersion;
import io.starlingmq.bench.netty.NettyClientSpec;
import io.starlingmq.bench.netty.NettyClients;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Builds {@link BenchClient}s of either library (HiveMQ, raw Netty) and either protocol version. */
public final class BenchClients {

    private static final long CONNECT_TIMEOUT_SECONDS = 30;

    /**
     * Completions and received messages are handled on the client's Netty thread rather than handed to
     * RxJava's computation pool: the bench's callbacks are short and never block, and the hand-off cost
     * a thread wake-up per message, both in CPU and in the latency it measured.
     */
    private static final MqttClientExecutorConfig EXECUTORS =
            MqttClientExecutorConfig.builder().applicationScheduler(Schedulers.trampoline()).build();

    private BenchClients() {
    }

    /** A client of the run's library and protocol version. @param onMessage as below */
    public static BenchClient create(LoadSettings settings, String clientId, Endpoint endpoint, Consumer<ByteBuffer> onMessage) {
        return create(settings.client(), settings.version(), clientId, endpoint, onMessage, null);
    }

    /** A HiveMQ client. @param onMessage receives the payload of every message delivered to this client; null for publishers */
    public static BenchClient create(MqttVersion version, String clientId, Endpoint endpoint, Consumer<ByteBuffer> onMessage) {
        return create(ClientKind.HIVEMQ, version, clientId, endpoint, onMessage, null);
    }

    public static BenchClient create(ClientKind kind, MqttVersion version, String clientId, Endpoint endpoint,
            Consumer<ByteBuffer> onMessage) {
        return create(kind, version, clientId, endpoint, onMessage, null);
    }

    /** @param credentials presented on every CONNECT; null connects anonymously */
    public static BenchClient create(ClientKind kind, MqttVersion version, String clientId, Endpoint endpoint,
            Consumer<ByteBuffer> onMessage, Credentials credentials) {
        if (kind == ClientKind.NETTY) {
            return NettyClients.create(NettyClientSpec.of(version, clientId, endpoint, onMessage, credentials));
        }
        MqttClientTransportConfig config = transport(endpoint);
        HiveMqConnectionWatch watch = new HiveMqConnectionWatch();
        return switch (version) {
            case V5 -> new Mqtt5BenchClient(MqttClient.builder().useMqttVersion5().identifier(clientId)
                    .transportConfig(config).executorConfig(EXECUTORS).addDisconnectedListener(watch).buildAsync(),
                    onMessage, credentials, watch);
            case V311 -> new Mqtt3BenchClient(MqttClient.builder().useMqttVersion3().identifier(clientId)
                    .transportConfig(config).executorConfig(EXECUTORS).addDisconnectedListener(watch).buildAsync(),
                    onMessage, credentials, watch);
        };
    }

    static MqttClientTransportConfig transport(Endpoint endpoint) {
        MqttClientTransportConfigBuilder transport = MqttClientTransportConfig.builder()
                .serverHost(endpoint.host())
                .serverPort(endpoint.port())
                .socketConnectTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .mqttConnectTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (endpoint.localAddress() != null) {
            transport.localAddress(endpoint.localAddress());
        }
        return transport.build();
    }
}
