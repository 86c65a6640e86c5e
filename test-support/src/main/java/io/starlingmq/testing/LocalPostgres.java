package io.starlingmq.testing;

import io.starlingmq.launcher.FreePort;
import io.starlingmq.launcher.PostgresBinaries;
import io.starlingmq.launcher.PostgresServer;
import io.starlingmq.launcher.ProcessSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for one test or bench run: the launcher's {@link PostgresServer} in a
 * temporary directory of its own, on a {@link FreePort}, without fsync (nothing in it outlives the run);
 * {@link #close()} stops it and removes the directory.
 */
public final class LocalPostgres implements AutoCloseable {

    private final PostgresServer server;
    private final Path home;

    private LocalPostgres(PostgresServer server, Path home) {
        this.server = server;
        this.home = home;
    }

    /** Creates the cluster, starts the server with its output in {@code log}, waits until it takes connections. */
    public static LocalPostgres start(Path log) throws IOException, InterruptedException {
        // Under the system temporary folder: as root the user postgres must reach it.
        Path home = Files.createTempDirectory("starling-postgres");
        try {
            PostgresServer server = PostgresServer.start(PostgresBinaries.require(), home, FreePort.find(), false,
                    PostgresServer.Shutdown.IMMEDIATE, log, ProcessSession.SHARED);
            return new LocalPostgres(server, home);
        } catch (IOException | InterruptedException | RuntimeException e) {
            deleteTree(home);
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    /** The server's own pid, for sampling (see {@link PostgresServer#serverPid()}). */
    public long serverPid() {
        return server.serverPid();
    }

    @Override
    public void close() {
        server.close();
        deleteTree(home);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover folder under the temporary directory does no harm
        }
    }
}
