package io.starlingmq.launcher.up;

import io.starlingmq.launcher.RedisCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code ./starling up} decided: the script parses the user's flags and STARLING_UP_* variables
 * (its usage text documents them and their defaults) and hands every value over as {@code --name=value}.
 */
public record UpOptions(Mode mode, boolean detach, Path root, Path state, Path postgresHome, Path keycloakHome,
                        Ports ports, Duration readyTimeout, String deviceAcl, boolean deviceAclFromEnvironment,
                        int gateways, Optional<KafkaPorts> kafka, Optional<RedisClusterPorts> redisCluster) {

    /** Most gateways {@code up --gateways} runs (their HTTP ports follow the first one's). */
    public static final int MAX_GATEWAYS = 9;

    /** How devices authenticate. */
    public enum Mode {
        /** Tokens signed with the local development key. */
        DEV_KEY,
        /** Tokens from Keycloak. */
        KEYCLOAK,
        /** No authentication at all. */
        ANONYMOUS;

        /** The word written to .starling/run/mode, which {@code ./starling token} reads. */
        public String fileName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public boolean authenticates() {
            return this != ANONYMOUS;
        }
    }

    public record Ports(int redis, int router, int mqtt, int gatewayHttp, int tls, int ws, int wss, int auth,
                        int postgres, int keycloak, int keycloakManagement, int ops) {
    }

    /** With {@code --kafka}: Kafka's listener and its controller's, and the bridge's HTTP port (health). */
    public record KafkaPorts(int kafka, int controller, int bridgeHttp) {
    }

    /**
     * With {@code --redis-cluster}: the nodes' client ports, {@code first} and the {@link #NODES}-1 after it,
     * each with its client port + {@link #BUS_OFFSET} as cluster bus port (Redis's own default offset).
     */
    public record RedisClusterPorts(int first) {

        /** Three masters with a replica each. */
        public static final int NODES = 6;
        public static final int BUS_OFFSET = 10_000;

        public RedisClusterPorts {
            if (first < 1 || first + NODES - 1 + BUS_OFFSET > 65_535) {
                throw new IllegalArgumentException("the Redis Cluster's first port must be from 1 to "
                        + (65_535 - BUS_OFFSET - NODES + 1) + " (its nodes take it and the next " + (NODES - 1)
                        + ", their cluster bus ports those + " + BUS_OFFSET + "), was " + first);
            }
        }

        public List<RedisCluster.NodePorts> nodes() {
            List<RedisCluster.NodePorts> nodes = new ArrayList<>();
            for (int i = 0; i < NODES; i++) {
                nodes.add(new RedisCluster.NodePorts(first + i, first + i + BUS_OFFSET));
            }
            return List.copyOf(nodes);
        }

        /** The client ports, then the bus ports: every port the nodes listen on. */
        public List<Integer> all() {
            List<Integer> all = new ArrayList<>();
            nodes().forEach(node -> all.add(node.port()));
            nodes().forEach(node -> all.add(node.busPort()));
            return List.copyOf(all);
        }
    }

    public Path run() {
        return state.resolve("run");
    }

    public Path logs() {
        return state.resolve("logs");
    }

    public Path certificates() {
        return state.resolve("certs");
    }

    public Path devKey() {
        return state.resolve("dev-key");
    }

    /** Kafka's data, kept between runs. */
    public Path kafkaData() {
        return state.resolve("kafka");
    }

    /** With {@code --redis-cluster}: the nodes' folders ({@code <port>/}: append-only files, nodes.conf), kept between runs. */
    public Path redisClusterData() {
        return state.resolve("redis-cluster");
    }

    /** The bridge's rules, written by each {@code up --kafka}. */
    public Path bridgeRules() {
        return run().resolve("bridge-rules.properties");
    }

    /** The local API key for ops, {@code key:secret}: made on the first run, kept across runs. */
    public Path apiKey() {
        return run().resolve("api-key");
    }

    /** Parses {@code --name=value} and the flags {@code --detach}, {@code --kafka} and {@code --redis-cluster}. */
    public static UpOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        boolean detach = false;
        boolean kafka = false;
        boolean redisCluster = false;
        for (String arg : args) {
            if (arg.equals("--detach")) {
                detach = true;
            } else if (arg.equals("--kafka")) {
                kafka = true;
            } else if (arg.equals("--redis-cluster")) {
                redisCluster = true;
            } else if (arg.startsWith("--") && arg.contains("=")) {
                values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        Mode mode = Mode.valueOf(required(values, "mode").toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        Ports ports = new Ports(port(values, "redis-port"), port(values, "router-port"), port(values, "mqtt-port"),
                port(values, "gateway-http-port"), port(values, "tls-port"), port(values, "ws-port"),
                port(values, "wss-port"), port(values, "auth-port"), port(values, "postgres-port"),
                port(values, "keycloak-port"), port(values, "keycloak-management-port"), port(values, "ops-port"));
        String keycloakHome = values.get("keycloak-home");
        return new UpOptions(mode, detach, Path.of(required(values, "root")), Path.of(required(values, "state")),
                Path.of(required(values, "postgres-home")), keycloakHome == null ? null : Path.of(keycloakHome), ports,
                Duration.ofSeconds(Long.parseLong(required(values, "ready-timeout"))), required(values, "device-acl"),
                Boolean.parseBoolean(values.getOrDefault("device-acl-from-environment", "false")),
                gateways(values.getOrDefault("gateways", "1")),
                kafka ? Optional.of(new KafkaPorts(port(values, "kafka-port"), port(values, "kafka-controller-port"),
                        port(values, "bridge-http-port"))) : Optional.empty(),
                redisCluster ? Optional.of(new RedisClusterPorts(port(values, "redis-cluster-port"))) : Optional.empty());
    }

    private static int gateways(String value) {
        int gateways = Integer.parseInt(value);
        if (gateways < 1 || gateways > MAX_GATEWAYS) {
            throw new IllegalArgumentException("--gateways must be between 1 and " + MAX_GATEWAYS + ", was " + value);
        }
        return gateways;
    }

    private static int port(Map<String, String> values, String name) {
        return Integer.parseInt(required(values, name));
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name + "=...");
        }
        return value;
    }
}
