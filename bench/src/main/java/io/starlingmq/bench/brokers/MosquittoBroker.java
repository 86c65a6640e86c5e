package io.starlingmq.bench.brokers;

import io.starlingmq.bench.client.Endpoint;
import io.starlingmq.launcher.FreePort;
import io.starlingmq.launcher.ManagedProcess;
import io.starlingmq.launcher.Readiness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One mosquitto process (the Debian package's binary) with one of the bench's configurations
 * ({@link MosquittoConfig}). The matched one sets limits equal to Starling's defaults where the two have
 * the same knob (outbound inflight window 32, queued messages per session 1000); persistence is off because
 * Mosquitto keeps sessions in memory while running and its persistence is a periodic snapshot, not
 * comparable to Redis AOF anyway. The defaults one is a listener and allow_anonymous, nothing else.
 */
public final class MosquittoBroker implements BrokerTarget {

    static final int MAX_INFLIGHT_MESSAGES = 32;
    static final int MAX_QUEUED_MESSAGES = 1000;

    private final int port = FreePort.find();
    private final MosquittoConfig config;
    private ManagedProcess process;

    private MosquittoBroker(MosquittoConfig config) {
        this.config = config;
    }

    public static MosquittoBroker start(Path workDir, MosquittoConfig config) throws IOException, InterruptedException {
        MosquittoBroker broker = new MosquittoBroker(config);
        Path file = workDir.resolve("mosquitto-" + config.label() + ".conf");
        Files.createDirectories(workDir);
        Files.writeString(file, config == MosquittoConfig.MATCHED ? matchedConfig(broker.port) : defaultsConfig(broker.port));
        broker.process = ManagedProcess.start("mosquitto-" + config.label(), List.of(executable(), "-c", file.toString()),
                Map.of(), workDir.resolve("logs/mosquitto-" + config.label() + ".log"));
        broker.process.awaitReady(Readiness.acceptsConnections(broker.port), Duration.ofSeconds(20));
        return broker;
    }

    /**
     * Debian's mosquitto as a user meets it: a listener, and allow_anonymous, without which a 2.0 listener
     * refuses every client. No limit, logging or socket option is changed.
     */
    static String defaultsConfig(int port) {
        return String.join("\n", "listener " + port + " 127.0.0.1", "allow_anonymous true", "");
    }

    static String matchedConfig(int port) {
        return String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence false",
                "max_inflight_messages " + MAX_INFLIGHT_MESSAGES,
                "max_queued_messages " + MAX_QUEUED_MESSAGES,
                "max_connections -1",
                // Starling's gateway sets TCP_NODELAY on client sockets; Mosquitto gets the same, or Nagle's
                // algorithm and delayed ACKs put ~35 ms into its tail latency and cap its QoS 0 search.
                "set_tcp_nodelay true",
                "log_type error",
                "log_type warning",
                "log_dest stdout",
                "");
    }

    private static String executable() {
        for (String candidate : List.of("/usr/sbin/mosquitto", "/usr/bin/mosquitto")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "mosquitto";
    }

    @Override
    public String name() {
        return "Mosquitto";
    }

    @Override
    public String configuration() {
        return "mosquitto, " + config.label() + " config: " + config.description();
    }

    public MosquittoConfig config() {
        return config;
    }

    @Override
    public Endpoint endpoint() {
        return new Endpoint("127.0.0.1", port, null);
    }

    @Override
    public Map<String, Long> processes() {
        return Map.of("mosquitto", process.pid());
    }

    @Override
    public void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("mosquitto is not running any more");
        }
    }

    @Override
    public long connectionHolderRssBytes() {
        return ProcStat.rssBytes(process.pid()).orElse(0);
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
