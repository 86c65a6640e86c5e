package io.starlingmq.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Redis Cluster of Debian's {@code redis-server} on 127.0.0.1: masters with a replica each, joined by
 * {@code redis-cli --cluster create}. Each node keeps its files (and {@code nodes.conf}) in its own folder
 * under {@code dir}, so a killed node restarted on the same folder rejoins as what the cluster made it.
 */
public final class RedisCluster implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 100;

    /** A node's client port and its cluster bus port. */
    public record NodePorts(int port, int busPort) {
    }

    private final Path dir;
    private final RedisPersistence persistence;
    private final Duration nodeTimeout;
    private final Path logDir;
    private final ProcessSession session;
    private final Map<Integer, NodePorts> ports = new LinkedHashMap<>();
    private final Map<Integer, RedisServer> nodes = new LinkedHashMap<>();

    private RedisCluster(Path dir, RedisPersistence persistence, Duration nodeTimeout, Path logDir,
                         ProcessSession session) {
        this.dir = dir;
        this.persistence = persistence;
        this.nodeTimeout = nodeTimeout;
        this.logDir = logDir;
        this.session = session;
    }

    /** {@code count} free ports for nodes, each with a free bus port. */
    public static List<NodePorts> freePorts(int count) {
        List<NodePorts> found = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            found.add(new NodePorts(FreePort.find(), FreePort.find()));
        }
        return found;
    }

    /**
     * Starts one node per entry of {@code nodePorts} (an even number: half become masters, half their
     * replicas), creates the cluster and waits until every node says it is whole and every replica follows
     * its master. {@code nodeTimeout} is how long a silent master stays before its replica takes over.
     */
    public static RedisCluster start(Path dir, List<NodePorts> nodePorts, RedisPersistence persistence,
                                     Duration nodeTimeout, Path logDir, ProcessSession session)
            throws IOException, InterruptedException {
        if (nodePorts.size() < 6 || nodePorts.size() % 2 != 0) {
            throw new IllegalArgumentException("a cluster with a replica per master needs an even number of nodes, at least 6");
        }
        RedisCluster cluster = new RedisCluster(dir, persistence, nodeTimeout, logDir, session);
        try {
            for (NodePorts node : nodePorts) {
                cluster.ports.put(node.port(), node);
                cluster.startNode(node);
            }
            List<String> create = new ArrayList<>(List.of(Executables.require("redis-cli", "redis-tools").toString(),
                    "--cluster", "create"));
            nodePorts.forEach(node -> create.add("127.0.0.1:" + node.port()));
            create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
            RedisCli.run(create);
            cluster.awaitHealthy(READY_TIMEOUT);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void startNode(NodePorts node) throws IOException, InterruptedException {
        Path nodeDir = dir.resolve(Integer.toString(node.port()));
        nodes.put(node.port(), RedisServer.start(node.port(), nodeDir, persistence, List.of(
                "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                "--cluster-port", Integer.toString(node.busPort()),
                "--cluster-node-timeout", Long.toString(nodeTimeout.toMillis())),
                logDir.resolve("redis-" + node.port() + ".log"), session));
    }

    /** Every node's client port, in start order. */
    public List<Integer> ports() {
        return List.copyOf(ports.keySet());
    }

    /** The seed addresses as Quarkus's Redis client takes them ({@code quarkus.redis.hosts}, comma-separated). */
    public String hosts() {
        return ports.keySet().stream().map(port -> "redis://127.0.0.1:" + port).collect(Collectors.joining(","));
    }

    /** The ports of the nodes that now run as masters. */
    public List<Integer> masterPorts() throws IOException {
        List<Integer> masters = new ArrayList<>();
        for (Map.Entry<Integer, RedisServer> node : nodes.entrySet()) {
            if (node.getValue().process().isAlive()
                    && RedisCli.field(RedisCli.call(node.getKey(), "INFO", "replication"), "role").equals("master")) {
                masters.add(node.getKey());
            }
        }
        return masters;
    }

    /** The port of the master that serves {@code key}'s slot now. */
    public int masterOf(String key) throws IOException {
        int slot = Integer.parseInt(RedisCli.call(liveNode(), "CLUSTER", "KEYSLOT", key).strip());
        // CLUSTER NODES: id host:port@bus flags master ping pong epoch state slot-ranges...
        for (String line : RedisCli.call(liveNode(), "CLUSTER", "NODES").split("\n")) {
            String[] fields = line.strip().split(" ");
            if (fields.length < 9 || !fields[2].contains("master") || fields[2].contains("fail")) {
                continue;
            }
            for (int i = 8; i < fields.length; i++) {
                String[] range = fields[i].split("-");
                int from = Integer.parseInt(range[0]);
                int to = range.length == 2 ? Integer.parseInt(range[1]) : from;
                if (slot >= from && slot <= to) {
                    return Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1, fields[1].indexOf('@')));
                }
            }
        }
        throw new IOException("no master serves slot " + slot);
    }

    /** SIGKILL to the node on {@code port}: its replica takes over after the node timeout. */
    public void kill(int port) {
        nodes.get(port).kill();
    }

    /** Starts a killed node again on its folder: it rejoins, as a replica if its replica took over. */
    public void restart(int port) throws IOException, InterruptedException {
        nodes.get(port).close();
        startNode(ports.get(port));
    }

    /** Waits until every running node says the cluster is whole and every running replica follows its master. */
    public void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = unhealthy();
            if (last.isEmpty()) {
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new IOException("the Redis Cluster did not become whole within " + timeout + ": " + last);
    }

    private String unhealthy() {
        try {
            for (Map.Entry<Integer, RedisServer> node : nodes.entrySet()) {
                if (!node.getValue().process().isAlive()) {
                    continue;
                }
                int port = node.getKey();
                String state = RedisCli.field(RedisCli.call(port, "CLUSTER", "INFO"), "cluster_state");
                if (!state.equals("ok")) {
                    return "node " + port + " says cluster_state:" + state;
                }
                String replication = RedisCli.call(port, "INFO", "replication");
                if (RedisCli.field(replication, "role").equals("slave")
                        && !RedisCli.field(replication, "master_link_status").equals("up")) {
                    return "replica " + port + " does not follow its master yet";
                }
            }
            return "";
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** Empties every database of every master (the replicas follow). */
    public void flushAll() throws IOException {
        for (int port : masterPorts()) {
            String reply = RedisCommand.send(port, "FLUSHALL");
            if (!reply.equals("+OK")) {
                throw new IOException("FLUSHALL on " + port + " answered " + reply);
            }
        }
    }

    private int liveNode() throws IOException {
        for (Map.Entry<Integer, RedisServer> node : nodes.entrySet()) {
            if (node.getValue().process().isAlive()) {
                return node.getKey();
            }
        }
        throw new IOException("no node of the Redis Cluster runs");
    }

    @Override
    public void close() {
        nodes.values().forEach(RedisServer::close);
    }
}
