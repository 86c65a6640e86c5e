package io.starlingmq.launcher.up;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code .starling/run}: a pid file per running process, the authentication mode and the device rule of
 * the running 'up'. {@code ./starling down} stops what the pid files name; {@code ./starling token} reads
 * the mode and the rule, so tokens match what up printed.
 */
public record RunDirectory(Path dir) {

    /**
     * The processes of an 'up', in stop order: clients of a server before the server (the Kafka bridge, a
     * client of the gateways and Kafka, and ops, a client of the routers, first); with {@code --gateways}
     * the load balancers (one per public MQTT port), then the gateways; Kafka once its bridge is gone; the
     * Redis Cluster's nodes ({@code up --redis-cluster}) last, as the single Redis.
     */
    public static final List<String> PROCESSES = processes();

    private static List<String> processes() {
        List<String> names = new ArrayList<>();
        names.add("bridge");
        names.add("ops");
        for (String listener : List.of("mqtt", "tls", "ws", "wss")) {
            names.add("haproxy-" + listener);
        }
        names.add("gateway");
        for (int i = 1; i <= UpOptions.MAX_GATEWAYS; i++) {
            names.add("gateway-" + i);
        }
        names.addAll(List.of("router", "auth", "keycloak", "postgres", "kafka", "redis"));
        // Last started first, as 'up' stops them (the replicas of a new cluster before their masters).
        for (int i = UpOptions.RedisClusterPorts.NODES; i >= 1; i--) {
            names.add(LocalRedisCluster.name(i));
        }
        return List.copyOf(names);
    }

    public boolean anyRunning() {
        return PROCESSES.stream().anyMatch(name -> Files.exists(pidFile(name)));
    }

    public void recordPid(String name, long pid) {
        write(pidFile(name), Long.toString(pid));
    }

    public OptionalLong pid(String name) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(pidFile(name)).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public void forget(String name) {
        delete(pidFile(name));
    }

    public void recordMode(UpOptions.Mode mode) {
        write(dir.resolve("mode"), mode.fileName());
    }

    public void recordDeviceAcl(String acl) {
        write(dir.resolve("device-acl"), acl);
    }

    /** Removes the mode and the rule, once every process is stopped. */
    public void clearRunInfo() {
        delete(dir.resolve("mode"));
        delete(dir.resolve("device-acl"));
    }

    private Path pidFile(String name) {
        return dir.resolve(name + ".pid");
    }

    private static void write(Path file, String value) {
        writeFile(file, value + "\n");
    }

    /** Writes {@code text} to {@code file}, making its folder; the records of a run here all go this way. */
    static void writeFile(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
