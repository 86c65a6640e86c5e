package io.starlingmq.auth.testsupport;

import static org.awaitility.Awaitility.await;

import io.starlingmq.testing.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster (the newest server Debian's postgresql package installed) in a
 * temporary directory, trust authentication, own port. As
 * root it runs as the {@code postgres} user, because PostgreSQL refuses to run as root.
 */
final class PostgresServer {

    private static final Path BIN = serverBinaries();
    private static final String OS_USER = "postgres";

    private PostgresServer() {
    }

    /** {@code /usr/lib/postgresql/<newest major>/bin}, where Debian installs the server. */
    private static Path serverBinaries() {
        Path versions = Path.of("/usr/lib/postgresql");
        try (Stream<Path> dirs = Files.list(versions)) {
            return dirs.filter(dir -> dir.getFileName().toString().matches("\\d+"))
                    .filter(dir -> Files.isExecutable(dir.resolve("bin/initdb")))
                    .max(Comparator.comparingInt(dir -> Integer.parseInt(dir.getFileName().toString())))
                    .map(dir -> dir.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL server under " + versions
                            + ": install the Debian package postgresql"));
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL server under " + versions
                    + ": install the Debian package postgresql", e);
        }
    }

    static Map<String, String> shared() {
        return JvmSingletons.get("postgres", PostgresServer::start);
    }

    private static Map<String, String> start() {
        try {
            int port = FreePort.find();
            Path home = Files.createTempDirectory("starling-auth-pg");
            Path data = home.resolve("data");
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                run(List.of("chown", OS_USER, home.toString()));
            }
            run(asUser(root, BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                    "--auth=trust", "-E", "UTF8", "--no-sync"));
            Path log = ProcessLogs.file("postgres");
            new ProcessBuilder(asUser(root, BIN.resolve("postgres").toString(), "-D", data.toString(),
                    "-p", String.valueOf(port), "-h", "127.0.0.1", "-k", home.toString(), "-c", "fsync=off"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(root, data, home)));
            await("PostgreSQL on port " + port).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> exitCode(List.of(BIN.resolve("pg_isready").toString(), "-h", "127.0.0.1",
                            "-p", String.valueOf(port))) == 0);
            return Map.of("port", String.valueOf(port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stop(boolean root, Path data, Path home) {
        try {
            exitCode(asUser(root, BIN.resolve("pg_ctl").toString(), "stop", "-D", data.toString(), "-m", "immediate"));
            exitCode(List.of("rm", "-rf", home.toString()));
        } catch (IOException e) {
            System.err.println("could not stop the test PostgreSQL: " + e.getMessage());
        }
    }

    private static List<String> asUser(boolean root, String... command) {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private static void run(List<String> command) throws IOException {
        int code = exitCode(command);
        if (code != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + code);
        }
    }

    private static int exitCode(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
