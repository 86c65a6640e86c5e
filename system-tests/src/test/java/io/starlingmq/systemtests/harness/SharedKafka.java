package io.starlingmq.systemtests.harness;

import io.starlingmq.launcher.FreePort;
import io.starlingmq.launcher.KafkaBrokerConfig;
import io.starlingmq.launcher.KafkaServer;
import io.starlingmq.launcher.ProcessSession;
import io.starlingmq.launcher.SuiteLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real single-node Kafka (the launcher's {@link KafkaServer}, from local-servers' jars) for the system
 * tests: the test JVM's shared one, started on first use on free ports with an empty data folder and stopped
 * by a shutdown hook; or a private one for a test that stops, kills or restarts its broker while others use
 * theirs. Logs: {@code system-tests/target/test-servers/kafka-<name>.log}.
 */
public final class SharedKafka {

    private static KafkaServer shared;

    private SharedKafka() {
    }

    /**
     * The JVM's Kafka, started on first use. Topics made on first use get one partition; a test that
     * needs more makes its topic with {@link KafkaRecords#createTopic}. Restarting it is allowed (same port
     * and data); stopping it for good is not, other classes use it after you.
     */
    public static synchronized KafkaServer shared() {
        if (shared == null) {
            shared = startPrivate("shared");
            KafkaServer started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "kafka-stop"));
        }
        return shared;
    }

    /** A Kafka of the caller's own, started now with an empty data folder; the caller closes it. */
    public static KafkaServer startPrivate(String name) {
        return startPrivate(name, KafkaBrokerConfig.DEFAULT_PARTITIONS);
    }

    /** As {@link #startPrivate(String)}, with {@code partitions} for the topics made on first use. */
    public static KafkaServer startPrivate(String name, int partitions) {
        SuiteLayout layout = new SuiteLayout(Path.of(System.getProperty("starling.root", "..")));
        try {
            Path data = Files.createTempDirectory("starling-kafka-" + name);
            Path log = layout.root().resolve("system-tests/target/test-servers/kafka-" + name + ".log");
            return KafkaServer.start(layout.kafkaLibs(),
                    new KafkaBrokerConfig(FreePort.find(), FreePort.find(), data, partitions), log, ProcessSession.SHARED);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Kafka " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Kafka " + name, e);
        }
    }
}
