package io.starlingmq.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A Redis Cluster of Debian's {@code redis-server} on 127.0.0.1: masters with a replica each, joined by
 * {@code redis-cli --cluster create}. Each node keeps its files (and {@code nodes.conf}) in its own folder
 * under {@code dir}, so a killed node restarted on the same folder rejoins as what the cluster made it, and
 * a cluster started again on the folders it left comes back with its data instead of being made anew.
 */
public final class RedisCluster implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    /** A node's client port and its cluster bus port. */
    public record NodePorts(int port, int busPort) {
    }

    /**
     * A node as {@code CLUSTER NODES} describes it: a master with its slot ranges ({@code 0-5460}), or a
     * replica with the client port of the master it follows.
     */
    public record Node(int port, int busPort, boolean master, OptionalInt masterPort, List<String> slots) {
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
     * replicas) on its folder {@code dir/<port>}, and waits until every node says it is whole and every
     * replica follows its master. On empty folders it creates the cluster; on the folders of a cluster these
     * nodes formed before, it only starts them: they find each other through their {@code nodes.conf}, in
     * the roles they last had, with their data. Folders that hold neither (some nodes new, or nodes of
     * another cluster) are refused, naming {@code dir}. {@code nodeTimeout} is how long a silent master stays
     * before its replica takes over.
     */
    public static RedisCluster start(Path dir, List<NodePorts> nodePorts, RedisPersistence persistence,
                                     Duration nodeTimeout, Path logDir, ProcessSession session)
            throws IOException, InterruptedException {
        return start(dir, nodePorts, persistence, nodeTimeout, logDir, session, node -> { });
    }

    /**
     * As above, handing each node's process to {@code onNodeStarted} as soon as it answers, before the cluster
     * is whole: a caller that records pids (./starling up) then knows every node even if it dies while waiting.
     */
    public static RedisCluster start(Path dir, List<NodePorts> nodePorts, RedisPersistence persistence,
                                     Duration nodeTimeout, Path logDir, ProcessSession session,
                                     Consumer<ManagedProcess> onNodeStarted) throws IOException, InterruptedException {
        if (nodePorts.size() < 6 || nodePorts.size() % 2 != 0) {
            throw new IllegalArgumentException("a cluster with a replica per master needs an even number of nodes, at least 6");
        }
        RedisCluster cluster = new RedisCluster(dir, persistence, nodeTimeout, logDir, session);
        try {
            for (NodePorts node : nodePorts) {
                cluster.ports.put(node.port(), node);
                cluster.startNode(node);
                onNodeStarted.accept(cluster.process(node.port()));
            }
            if (cluster.formed()) {
                cluster.awaitHealthy(READY_TIMEOUT);
                return cluster;
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

    /**
     * Whether the started nodes already form this cluster (true) or are all new (false). A cluster node
     * writes its {@code nodes.conf} as soon as it starts, knowing only itself, so the file alone does not
     * tell: a node of a cluster that was made knows every node from it at once, a new one knows itself only.
     */
    private boolean formed() throws IOException {
        int alone = 0;
        int joined = 0;
        List<String> found = new ArrayList<>();
        for (int port : ports.keySet()) {
            String info = RedisCli.call(port, "CLUSTER", "INFO");
            int known = Integer.parseInt(RedisCli.field(info, "cluster_known_nodes"));
            int slots = Integer.parseInt(RedisCli.field(info, "cluster_slots_assigned"));
            if (known == 1 && slots == 0) {
                alone++;
            } else if (known == ports.size()) {
                joined++;
            }
            found.add(port + " knows " + known + " node(s)");
        }
        if (alone == ports.size()) {
            return false;
        }
        if (joined == ports.size()) {
            return true;
        }
        throw new IOException("the nodes' folders under " + dir + " do not hold one cluster of these " + ports.size()
                + " nodes (" + String.join(", ", found) + "); remove " + dir + " to start an empty cluster");
    }

    private void startNode(NodePorts node) throws IOException, InterruptedException {
        Path nodeDir = dir.resolve(Integer.toString(node.port()));
        nodes.put(node.port(), RedisServer.start(node.port(), nodeDir, persistence, List.of(
                "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                "--cluster-port", Integer.toString(node.busPort()),
                "--cluster-node-timeout", Long.toString(nodeTimeout.toMillis())),
                logDir.resolve("redis-" + node.port() + ".log"), session));
    }

    /** The process of the node on {@code port}. */
    public ManagedProcess process(int port) {
        return nodes.get(port).process();
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

    /**
     * Every running node as it describes itself, by port. Each node's own line of {@code CLUSTER NODES} is the
     * one to trust: right after {@code --cluster create} the others' views still show a new replica as a
     * master without slots for a few seconds.
     */
    public List<Node> nodes() throws IOException {
        List<String> views = new ArrayList<>();
        for (Map.Entry<Integer, RedisServer> node : nodes.entrySet()) {
            if (node.getValue().process().isAlive()) {
                views.add(RedisCli.call(node.getKey(), "CLUSTER", "NODES"));
            }
        }
        return parseNodes(views);
    }

    /**
     * The nodes that {@code CLUSTER NODES} answers (one per node) describe as {@code myself}, by port; the
     * other lines name the ports of the masters that replicas follow. Each line: id, {@code
     * host:port@bus[,hostname]}, flags, the master's id (or {@code -}), ping, pong, epoch, link state, then
     * a master's slot ranges ({@code [...]} entries are slots on the move, not served).
     */
    static List<Node> parseNodes(List<String> views) {
        Map<String, Integer> portById = new LinkedHashMap<>();
        List<String[]> selves = new ArrayList<>();
        for (String view : views) {
            for (String line : view.split("\n")) {
                String[] fields = line.strip().split(" ");
                if (fields.length < 8) {
                    continue;
                }
                portById.put(fields[0], addressPort(fields[1]));
                if (List.of(fields[2].split(",")).contains("myself")) {
                    selves.add(fields);
                }
            }
        }
        List<Node> found = new ArrayList<>();
        for (String[] fields : selves) {
            String address = fields[1];
            int bus = Integer.parseInt(address.substring(address.indexOf('@') + 1).split(",")[0]);
            boolean master = List.of(fields[2].split(",")).contains("master");
            OptionalInt masterPort = master || !portById.containsKey(fields[3]) ? OptionalInt.empty()
                    : OptionalInt.of(portById.get(fields[3]));
            List<String> slots = new ArrayList<>();
            for (int i = 8; i < fields.length; i++) {
                if (!fields[i].startsWith("[")) {
                    slots.add(fields[i]);
                }
            }
            found.add(new Node(addressPort(address), bus, master, masterPort, List.copyOf(slots)));
        }
        found.sort(Comparator.comparingInt(Node::port));
        return List.copyOf(found);
    }

    private static int addressPort(String address) {
        int at = address.indexOf('@');
        return Integer.parseInt(address.substring(address.lastIndexOf(':', at) + 1, at));
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
        UntilSettled.await(this::unhealthy, timeout, "the Redis Cluster did not become whole");
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
