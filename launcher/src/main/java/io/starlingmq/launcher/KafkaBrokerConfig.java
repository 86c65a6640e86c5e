package io.starlingmq.launcher;

import java.nio.file.Path;

/**
 * A single-node Kafka in KRaft mode: one process is both the broker and the (only) controller, on
 * 127.0.0.1. Topics are made on first use; every internal topic has one replica, as there is one node.
 *
 * @param port the broker's listener, the clients' bootstrap address
 * @param controllerPort the controller's listener, used by the node itself only
 * @param dataDir kept between starts: the data ({@link #logDir()}) and the properties written at each start
 * @param partitions partitions of a topic made on first use ({@code num.partitions})
 */
public record KafkaBrokerConfig(int port, int controllerPort, Path dataDir, int partitions) {

    /** One partition per topic made on first use: every record of a topic in one order, as tests expect. */
    public static final int DEFAULT_PARTITIONS = 1;
    private static final int NODE_ID = 1;

    public KafkaBrokerConfig {
        dataDir = dataDir.toAbsolutePath().normalize();
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
    }

    public KafkaBrokerConfig(int port, int controllerPort, Path dataDir) {
        this(port, controllerPort, dataDir, DEFAULT_PARTITIONS);
    }

    /** Kafka's {@code log.dirs}: the topics' segments and the metadata log, with the cluster id in meta.properties. */
    public Path logDir() {
        return dataDir.resolve("data");
    }

    public Path propertiesFile() {
        return dataDir.resolve("server.properties");
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The server.properties of this node. */
    public String properties() {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=" + NODE_ID,
                "controller.quorum.voters=" + NODE_ID + "@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "log.dirs=" + logDir(),
                "num.partitions=" + partitions,
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // A consumer group's first member gets its partitions at once instead of after 3 s.
                "group.initial.rebalance.delay.ms=0",
                // After a SIGKILL the node must wait out its previous incarnation's session before it is back:
                // 3 s instead of 9 s (heartbeats every 0.5 s instead of 2 s, so a stall still has six chances).
                "broker.heartbeat.interval.ms=500",
                "broker.session.timeout.ms=3000",
                "");
    }
}
