package io.starlingmq.bench.kafka;

import io.starlingmq.bench.brokers.StarlingSettings;
import io.starlingmq.launcher.FreePort;
import io.starlingmq.launcher.GatewayEnvironment;
import io.starlingmq.launcher.JavaService;
import io.starlingmq.launcher.KafkaBrokerConfig;
import io.starlingmq.launcher.KafkaServer;
import io.starlingmq.launcher.ProcessSession;
import io.starlingmq.launcher.RedisPersistence;
import io.starlingmq.launcher.RedisServer;
import io.starlingmq.launcher.RouterEnvironment;
import io.starlingmq.launcher.RunningPart;
import io.starlingmq.launcher.StarlingPart;
import io.starlingmq.launcher.SuiteLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Redis (AOF everysec), one router, one gateway (anonymous, its default), a single-node KRaft Kafka and the bridge with one
 * {@code mqtt-to-kafka} rule, each a process at its defaults but for the router's per-session queue bound
 * ({@link #MAX_QUEUED_PER_SESSION}). The router (with its gateway and the bridge) and the bridge alone can be
 * started again with other settings; Redis and Kafka keep running, and so do the sessions in Redis.
 */
final class KafkaSuite implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaSuite.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    /**
     * The router's bound on one persistent session's queue (default 1,000): the bridge's session holds what
     * Kafka has not yet taken, so a deployment with a bridge raises it. Every case of the scenario runs with it.
     */
    static final int MAX_QUEUED_PER_SESSION = 100_000;
    static final String ROUTER_QUEUE_ENV = "STARLING_ROUTER_MAX_QUEUED_PER_SESSION";
    static final String INSTANCE = "bench";
    static final String RULE = "bench";
    /** The MQTT filter of the rule; level 1 of a topic names the Kafka topic (one per step). */
    static final String FILTER = "bench/#";
    static final String TOPIC_PREFIX = "bench-in-";

    private final SuiteLayout layout;
    private final Path java;
    private final Path work;
    private final Path logs;
    private final StarlingSettings settings;
    private RedisServer redis;
    private KafkaServer kafka;
    private RunningPart router;
    private RunningPart gateway;
    private RunningPart bridge;
    private final int routerPort = FreePort.find();
    private final int gatewayHttpPort = FreePort.find();
    private final int mqttPort = FreePort.find();
    private final int bridgeHttpPort = FreePort.find();
    private Map<String, String> routerExtras = Map.of();
    private Map<String, String> producerExtras = Map.of();
    private int starts;

    private KafkaSuite(SuiteLayout layout, Path javaHome, Path work, StarlingSettings settings) {
        this.layout = layout;
        this.java = javaHome.resolve("bin/java");
        this.work = work;
        this.logs = work.resolve("logs");
        this.settings = settings;
    }

    static KafkaSuite start(Path repo, Path javaHome, Path work, StarlingSettings settings)
            throws IOException, InterruptedException {
        SuiteLayout layout = new SuiteLayout(repo);
        // Every jar is checked before anything starts, so a missing one fails at once.
        layout.jar(StarlingPart.ROUTER);
        layout.jar(StarlingPart.GATEWAY);
        layout.jar(StarlingPart.BRIDGE);
        layout.kafkaLibs();
        KafkaSuite suite = new KafkaSuite(layout, javaHome, work, settings);
        try {
            suite.redis = RedisServer.start(FreePort.find(), work.resolve("redis"),
                    RedisPersistence.APPEND_ONLY_EVERY_SECOND, suite.logs.resolve("redis.log"), ProcessSession.SHARED);
            suite.kafka = KafkaServer.start(layout.kafkaLibs(),
                    new KafkaBrokerConfig(FreePort.find(), FreePort.find(), work.resolve("kafka")),
                    suite.logs.resolve("kafka.log"), ProcessSession.SHARED);
            suite.startStarling();
            suite.startBridge();
        } catch (IOException | InterruptedException | RuntimeException e) {
            suite.close();
            throw e;
        }
        return suite;
    }

    private void startStarling() throws IOException, InterruptedException {
        Map<String, String> env = new LinkedHashMap<>(RouterEnvironment.redisStore(redis.uri()));
        env.put(ROUTER_QUEUE_ENV, Integer.toString(MAX_QUEUED_PER_SESSION));
        env.putAll(routerExtras);
        starts++;
        router = service("router", StarlingPart.ROUTER, routerPort, env);
        gateway = service("gateway", StarlingPart.GATEWAY, gatewayHttpPort,
                new GatewayEnvironment(mqttPort, List.of(routerPort)).toMap());
    }

    private void startBridge() throws IOException, InterruptedException {
        Path rules = work.resolve("bridge-rules-" + starts + ".properties");
        Files.writeString(rules, rules(producerExtras));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("STARLING_BRIDGE_MQTT_HOST", "127.0.0.1");
        env.put("STARLING_BRIDGE_MQTT_PORT", Integer.toString(mqttPort));
        env.put("STARLING_BRIDGE_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("STARLING_BRIDGE_INSTANCE", INSTANCE);
        env.put("QUARKUS_CONFIG_LOCATIONS", rules.toString());
        bridge = service("bridge", StarlingPart.BRIDGE, bridgeHttpPort, env);
    }

    /** The rule file: Kafka topic {@code bench-in-<level 1 of the MQTT topic>}, key the publisher's client id. */
    static String rules(Map<String, String> producerExtras) {
        StringBuilder text = new StringBuilder();
        String rule = "starling.bridge.rules." + RULE + ".";
        text.append(rule).append("kind=mqtt-to-kafka\n");
        text.append(rule).append("filter=").append(FILTER).append('\n');
        text.append(rule).append("kafka-topic=").append(TOPIC_PREFIX).append("${topic.1}\n");
        text.append(rule).append("key=${clientid}\n");
        producerExtras.forEach((key, value) ->
                text.append("starling.bridge.kafka.producer.\"").append(key).append("\"=").append(value).append('\n'));
        return text.toString();
    }

    private RunningPart service(String name, StarlingPart part, int httpPort, Map<String, String> env)
            throws IOException, InterruptedException {
        String logName = starts > 1 ? name + "-" + starts : name;
        return new JavaService(logName, layout.jar(part), java, settings.jvmFlags(), env, httpPort)
                .start(logs, READY_TIMEOUT, ProcessSession.SHARED);
    }

    /** Stops the bridge (SIGTERM: it confirms what is in flight) and starts it with these producer settings. */
    void restartBridge(Map<String, String> producerSettings) throws IOException, InterruptedException {
        bridge.close();
        producerExtras = Map.copyOf(producerSettings);
        starts++;
        startBridge();
    }

    /**
     * Stops the bridge, the gateway and the router, then starts them again with these router settings (on top of
     * the queue bound) and the bridge at its defaults. Sessions stay in Redis.
     */
    void restartStarling(Map<String, String> routerSettings) throws IOException, InterruptedException {
        bridge.close();
        gateway.close();
        router.close();
        routerExtras = Map.copyOf(routerSettings);
        producerExtras = Map.of();
        startStarling();
        startBridge();
    }

    int mqttPort() {
        return mqttPort;
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    Path kafkaLibs() {
        return layout.kafkaLibs();
    }

    Path logs() {
        return logs;
    }

    int routerHttpPort() {
        return routerPort;
    }

    int gatewayHttpPort() {
        return gatewayHttpPort;
    }

    int bridgeHttpPort() {
        return bridgeHttpPort;
    }

    /** The processes whose CPU a step reports, by name. */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("redis", redis.process().pid());
        pids.put("router", router.pid());
        pids.put("gateway", gateway.pid());
        pids.put("bridge", bridge.pid());
        pids.put("kafka", kafka.process().pid());
        pids.put("bench", ProcessHandle.current().pid());
        return pids;
    }

    void checkAlive() {
        for (RunningPart part : List.of(router, gateway, bridge)) {
            if (!part.isAlive()) {
                throw new IllegalStateException(part.name() + " is not running any more; its log: " + part.process().log());
            }
        }
        if (!redis.process().isAlive() || !kafka.isRunning()) {
            throw new IllegalStateException("Redis or Kafka is not running any more (logs under " + logs + ")");
        }
    }

    @Override
    public void close() {
        // The bridge first, so it never sees the gateway vanish; Kafka and Redis last.
        for (AutoCloseable part : new AutoCloseable[] {bridge, gateway, router, kafka, redis}) {
            if (part == null) {
                continue;
            }
            try {
                part.close();
            } catch (Exception e) {
                LOG.warnf("stopping a process failed: %s", e.getMessage());
            }
        }
    }
}
