package io.starlingmq.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A private PostgreSQL cluster in a folder of its own ({@code <home>/data}, its socket in {@code home}):
 * {@code initdb} on first use (trust authentication, user postgres), then the server on 127.0.0.1 and its
 * own port. PostgreSQL refuses to run as root, so as root every step runs as the user postgres.
 */
public final class PostgresServer implements AutoCloseable {

    /** How {@link #close()} shuts the server down (pg_ctl's {@code -m}). */
    public enum Shutdown {
        /** Clients are disconnected and the cluster is left clean: for data that is kept. */
        FAST,
        /** No checkpoint: for a throwaway cluster. */
        IMMEDIATE
    }

    private static final String OS_USER = "postgres";
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final PostgresBinaries bin;
    private final Path data;
    private final int port;
    private final ManagedProcess process;
    private final Shutdown shutdown;

    private PostgresServer(PostgresBinaries bin, Path data, int port, ManagedProcess process, Shutdown shutdown) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.process = process;
        this.shutdown = shutdown;
    }

    /**
     * Creates the cluster unless {@code home} holds one, starts the server and waits until it takes
     * connections. {@code fsync} off suits a cluster whose data does not outlive the run.
     */
    public static PostgresServer start(PostgresBinaries bin, Path home, int port, boolean fsync, Shutdown shutdown,
                                       Path log, ProcessSession session) throws IOException, InterruptedException {
        Files.createDirectories(home);
        Files.createDirectories(log.toAbsolutePath().getParent());
        if (ROOT) {
            OsCommand.require(List.of("chown", OS_USER + ":", home.toString()), null, "could not give " + home + " to " + OS_USER);
        }
        Path data = home.resolve("data");
        if (!Files.isRegularFile(data.resolve("PG_VERSION"))) {
            List<String> initdb = new ArrayList<>(List.of(bin.tool("initdb"), "-D", data.toString(), "-U", "postgres",
                    "--auth=trust", "-E", "UTF8"));
            if (!fsync) {
                initdb.add("--no-sync");
            }
            Path initdbLog = log.resolveSibling("initdb.log");
            OsCommand.require(asPostgresUser(initdb), initdbLog, "initdb failed in " + data);
        }
        List<String> server = new ArrayList<>(List.of(bin.tool("postgres"), "-D", data.toString(),
                "-p", Integer.toString(port), "-h", "127.0.0.1", "-k", home.toString()));
        if (!fsync) {
            server.addAll(List.of("-c", "fsync=off"));
        }
        ManagedProcess process = ManagedProcess.start("postgres", asPostgresUser(server), Map.of(), log, session);
        PostgresServer postgres = new PostgresServer(bin, data, port, process, shutdown);
        try {
            process.awaitReady(Readiness.commandSucceeds(List.of(bin.tool("pg_isready"), "-q", "-h", "127.0.0.1",
                    "-p", Integer.toString(port))), READY_TIMEOUT);
        } catch (InterruptedException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        return postgres;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return data;
    }

    public ManagedProcess process() {
        return process;
    }

    /**
     * The server's own pid (first line of postmaster.pid), for sampling: as root the started process is
     * runuser. The backends serving the connections are processes of their own and are not included.
     */
    public long serverPid() {
        try {
            return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return process.pid();
        }
    }

    /** pg_ctl stops the server itself (runuser may not pass a signal on); then the started process is stopped. */
    @Override
    public void close() {
        stop(bin, data, shutdown);
        process.close();
    }

    /** Stops the cluster in {@code data} through pg_ctl, whoever started it; nothing happens if none runs. */
    public static void stop(PostgresBinaries bin, Path data, Shutdown shutdown) {
        if (Files.isRegularFile(data.resolve("postmaster.pid"))) {
            OsCommand.run(asPostgresUser(List.of(bin.tool("pg_ctl"), "stop", "-D", data.toString(),
                    "-m", shutdown.name().toLowerCase(java.util.Locale.ROOT), "-w")), null);
        }
    }

    private static List<String> asPostgresUser(List<String> command) {
        if (!ROOT) {
            return command;
        }
        List<String> full = new ArrayList<>(List.of("runuser", "-u", OS_USER, "--"));
        full.addAll(command);
        return full;
    }
}
