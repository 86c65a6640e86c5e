package io.starlingmq.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@code redis-server} (Debian's package) on 127.0.0.1, ready once it answers PING. */
public final class RedisServer implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    private final ManagedProcess process;
    private final int port;

    private RedisServer(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts it with its files in {@code dir} and its output in {@code log}; waits until it answers. */
    public static RedisServer start(int port, Path dir, RedisPersistence persistence, Path log, ProcessSession session)
            throws IOException, InterruptedException {
        return start(port, dir, persistence, List.of(), log, session);
    }

    /** As above, with more {@code redis-server} options (a cluster node's, a replica's). */
    public static RedisServer start(int port, Path dir, RedisPersistence persistence, List<String> options, Path log,
                                    ProcessSession session) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of(Executables.require("redis-server", "redis-server").toString(),
                "--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", dir.toString()));
        command.addAll(persistence.arguments());
        command.addAll(options);
        ManagedProcess process = ManagedProcess.start("redis", command, Map.of(), log, session);
        process.awaitReady(() -> RedisCommand.pong(port), READY_TIMEOUT);
        return new RedisServer(process, port);
    }

    public int port() {
        return port;
    }

    /** The address as Quarkus's Redis client takes it ({@code quarkus.redis.hosts}). */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public ManagedProcess process() {
        return process;
    }

    /** Stops it at once (SIGKILL), as a crashed host would. */
    public void kill() {
        process.kill();
    }

    /** Empties every database. */
    public void flushAll() throws IOException {
        String reply = RedisCommand.send(port, "FLUSHALL");
        if (!reply.equals("+OK")) {
            throw new IOException("FLUSHALL answered " + reply);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
