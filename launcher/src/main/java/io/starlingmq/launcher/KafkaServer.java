package io.starlingmq.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A single-node Kafka broker (KRaft, see {@link KafkaBrokerConfig}) run from the jars of the module
 * local-servers with the JDK running this JVM. The first start formats the data folder with a new random
 * cluster id; later starts, also after {@link #kill()}, reuse it and its topics. Ready once the broker
 * lists itself in a Metadata answer ({@link KafkaMetadataProbe}). Its log keeps every run's lines.
 */
public final class KafkaServer implements AutoCloseable {

    public static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** A small heap (Kafka's scripts take 1 GB) and short G1 pauses, beside the suite's JVMs on few cores. */
    private static final List<String> JVM_FLAGS = List.of("-Xms64m", "-Xmx512m", "-XX:+UseG1GC",
            "-XX:MaxGCPauseMillis=20", "-Djava.awt.headless=true",
            "-Dorg.slf4j.simpleLogger.showDateTime=true",
            "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS");
    private static final String BROKER_MAIN = "kafka.Kafka";
    private static final String STORAGE_TOOL = "kafka.tools.StorageTool";

    private final Path libs;
    private final KafkaBrokerConfig config;
    private final Path log;
    private final ProcessSession session;
    private ManagedProcess process;

    private KafkaServer(Path libs, KafkaBrokerConfig config, Path log, ProcessSession session) {
        this.libs = libs;
        this.config = config;
        this.log = log;
        this.session = session;
    }

    /**
     * Formats {@code config}'s data folder unless it holds a formatted one, starts the broker with its
     * output in {@code log} and waits until it is ready.
     *
     * @param libs Kafka's jars, {@link SuiteLayout#kafkaLibs()}
     */
    public static KafkaServer start(Path libs, KafkaBrokerConfig config, Path log, ProcessSession session)
            throws IOException, InterruptedException {
        KafkaServer server = new KafkaServer(libs, config, log, session);
        Files.deleteIfExists(log);
        server.startProcess();
        return server;
    }

    /** {@code 127.0.0.1:<port>}, as Kafka clients take it ({@code bootstrap.servers}). */
    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    public int port() {
        return config.port();
    }

    public KafkaBrokerConfig config() {
        return config;
    }

    public Path log() {
        return log;
    }

    public synchronized ManagedProcess process() {
        return process;
    }

    public synchronized boolean isRunning() {
        return process.isAlive();
    }

    /** SIGTERM: the broker closes its logs cleanly and exits (SIGKILL only if it takes {@link ManagedProcess#STOP_GRACE}). */
    public synchronized void stop() {
        process.close();
    }

    /** SIGKILL: the broker gets no chance to close its logs; the next start recovers them. */
    public synchronized void kill() throws InterruptedException {
        process.kill();
        process.awaitExit(Duration.ofSeconds(10));
    }

    /** Starts it again on the same ports and data, stopping it first (SIGTERM) if it still runs; waits until ready. */
    public synchronized void restart() throws IOException, InterruptedException {
        if (process.isAlive()) {
            process.close();
        }
        startProcess();
    }

    @Override
    public synchronized void close() {
        process.close();
    }

    private synchronized void startProcess() throws IOException, InterruptedException {
        Files.createDirectories(config.dataDir());
        Files.writeString(config.propertiesFile(), config.properties());
        if (!Files.exists(config.logDir().resolve("meta.properties"))) {
            format();
        }
        List<String> command = java(BROKER_MAIN, config.propertiesFile().toString());
        process = ManagedProcess.start("kafka", command, Map.of(), log, session, ManagedProcess.LogFile.APPEND);
        process.awaitReady(() -> KafkaMetadataProbe.listsALiveBroker(config.port()), READY_TIMEOUT);
    }

    /** Writes the data folder's meta.properties and bootstrap metadata, with a new cluster id. */
    private void format() throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        Path formatLog = log.resolveSibling(log.getFileName().toString().replaceFirst("\\.log$", "") + "-format.log");
        OsCommand.require(java(STORAGE_TOOL, "format", "-t", newClusterId(), "-c", config.propertiesFile().toString()),
                formatLog, "could not format Kafka's data folder " + config.logDir());
    }

    private List<String> java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(JavaService.currentJava().toString()));
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", libs.resolve("*").toString(), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * A cluster id as Kafka makes one: 16 random bytes in URL-safe base64 without padding, never starting
     * with '-' (the command line would take it for an option).
     */
    static String newClusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }
}
