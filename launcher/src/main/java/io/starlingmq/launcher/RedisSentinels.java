package io.starlingmq.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Sentinel-managed Redis on 127.0.0.1: a primary, its replicas and three Sentinels ({@code redis-server
 * --sentinel}, Debian's redis-server) that agree by a quorum of two on a failover. Clients find the
 * primary by asking a Sentinel for {@link #masterName()}.
 */
public final class RedisSentinels implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final int SENTINELS = 3;
    private static final int QUORUM = 2;
    private static final String MASTER_NAME = "starling";

    private final Map<Integer, RedisServer> servers = new LinkedHashMap<>();
    private final List<ManagedProcess> sentinels = new ArrayList<>();
    private final List<Integer> sentinelPorts = new ArrayList<>();

    private RedisSentinels() {
    }

    /**
     * Starts a primary with {@code replicas} replicas and three Sentinels on free ports, files under {@code dir};
     * a primary silent for {@code downAfter} is replaced by a replica.
     */
    public static RedisSentinels start(Path dir, int replicas, RedisPersistence persistence, Duration downAfter,
                                       ProcessSession session) throws IOException, InterruptedException {
        RedisSentinels group = new RedisSentinels();
        try {
            int primary = FreePort.find();
            group.servers.put(primary, RedisServer.start(primary, dir.resolve("redis-" + primary), persistence,
                    List.of(), dir.resolve("redis-" + primary + ".log"), session));
            for (int i = 0; i < replicas; i++) {
                int port = FreePort.find();
                group.servers.put(port, RedisServer.start(port, dir.resolve("redis-" + port), persistence,
                        List.of("--replicaof", "127.0.0.1", Integer.toString(primary)),
                        dir.resolve("redis-" + port + ".log"), session));
            }
            for (int i = 0; i < SENTINELS; i++) {
                group.startSentinel(dir, primary, downAfter, session);
            }
            group.awaitHealthy(READY_TIMEOUT);
            return group;
        } catch (IOException | InterruptedException | RuntimeException e) {
            group.close();
            throw e;
        }
    }

    private void startSentinel(Path dir, int primary, Duration downAfter, ProcessSession session)
            throws IOException, InterruptedException {
        int port = FreePort.find();
        Path sentinelDir = dir.resolve("sentinel-" + port);
        Files.createDirectories(sentinelDir);
        // Sentinel rewrites its file with what it learns (replicas, other Sentinels, epochs): one file each.
        Path config = sentinelDir.resolve("sentinel.conf");
        Files.writeString(config, String.join("\n",
                "port " + port,
                "bind 127.0.0.1",
                "dir " + sentinelDir,
                "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + primary + " " + QUORUM,
                "sentinel down-after-milliseconds " + MASTER_NAME + " " + downAfter.toMillis(),
                "sentinel failover-timeout " + MASTER_NAME + " " + Math.max(10_000, downAfter.toMillis() * 5),
                "sentinel parallel-syncs " + MASTER_NAME + " 1", ""));
        ManagedProcess process = ManagedProcess.start("redis-sentinel", List.of(
                Executables.require("redis-server", "redis-server").toString(), config.toString(), "--sentinel"),
                Map.of(), dir.resolve("sentinel-" + port + ".log"), session);
        sentinels.add(process);
        sentinelPorts.add(port);
        process.awaitReady(() -> RedisCommand.pong(port), READY_TIMEOUT);
    }

    /** The name the Sentinels know the primary by ({@code quarkus.redis.master-name}). */
    public String masterName() {
        return MASTER_NAME;
    }

    /** The Sentinels' addresses as Quarkus's Redis client takes them ({@code quarkus.redis.hosts}). */
    public String hosts() {
        return sentinelPorts.stream().map(port -> "redis://127.0.0.1:" + port).collect(Collectors.joining(","));
    }

    public List<Integer> sentinelPorts() {
        return List.copyOf(sentinelPorts);
    }

    /** The port of the primary, as the first Sentinel that answers names it. */
    public int primaryPort() throws IOException {
        IOException last = null;
        for (int port : sentinelPorts) {
            try {
                String[] answer = RedisCli.call(port, "SENTINEL", "get-master-addr-by-name", MASTER_NAME).strip()
                        .split("\\s+");
                return Integer.parseInt(answer[answer.length - 1]);
            } catch (IOException | RuntimeException e) {
                last = new IOException("Sentinel " + port + " did not name the primary: " + e.getMessage(), e);
            }
        }
        throw last == null ? new IOException("no Sentinel runs") : last;
    }

    /** SIGKILL to the Redis on {@code port}. */
    public void kill(int port) {
        servers.get(port).kill();
    }

    /**
     * Waits until the Sentinels name a running primary that has every other running server as a connected
     * replica, and each Sentinel knows the others.
     */
    public void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        UntilSettled.await(this::unhealthy, timeout, "the Sentinel group did not settle");
    }

    private String unhealthy() {
        try {
            int primary = primaryPort();
            RedisServer server = servers.get(primary);
            if (server == null || !server.process().isAlive()) {
                return "the Sentinels name " + primary + ", which does not run";
            }
            long running = servers.values().stream().filter(s -> s.process().isAlive()).count();
            String replication = RedisCli.call(primary, "INFO", "replication");
            if (!RedisCli.field(replication, "role").equals("master")) {
                return primary + " is not a primary yet";
            }
            String connected = RedisCli.field(replication, "connected_slaves");
            if (!connected.equals(Long.toString(running - 1))) {
                return primary + " has " + connected + " replicas of " + (running - 1);
            }
            for (int port : sentinelPorts) {
                String master = RedisCli.call(port, "SENTINEL", "master", MASTER_NAME);
                if (!master.contains("num-other-sentinels\n" + (SENTINELS - 1))) {
                    return "Sentinel " + port + " does not know the others yet";
                }
            }
            return "";
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** Empties every database of the primary (the replicas follow). */
    public void flushAll() throws IOException {
        String reply = RedisCommand.send(primaryPort(), "FLUSHALL");
        if (!reply.equals("+OK")) {
            throw new IOException("FLUSHALL answered " + reply);
        }
    }

    @Override
    public void close() {
        sentinels.forEach(ManagedProcess::close);
        servers.values().forEach(RedisServer::close);
    }
}
