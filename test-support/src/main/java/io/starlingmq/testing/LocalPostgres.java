package io.starlingmq.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster for one test or bench run: the newest server Debian's postgresql package
 * installed, {@code initdb} in a temporary directory of its own, trust authentication, own port, no fsync
 * (nothing in it outlives the run). PostgreSQL refuses to run as root, so as root it runs as the user
 * postgres, as {@code ./starling up} does.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final String OS_USER = "postgres";
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    private static final Path VERSIONS = Path.of("/usr/lib/postgresql");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 200;
    private static final long STOP_GRACE_SECONDS = 15;

    private final Path bin;
    private final Path home;
    private final Path data;
    private final int port;
    private final Process process;

    private LocalPostgres(Path bin, Path home, int port, Process process) {
        this.bin = bin;
        this.home = home;
        this.data = home.resolve("data");
        this.port = port;
        this.process = process;
    }

    /** Creates the cluster, starts the server with its output in {@code log}, waits until it takes connections. */
    public static LocalPostgres start(Path log) throws IOException, InterruptedException {
        Path bin = serverBinaries();
        // Its own directory under the system temporary folder: the user postgres must reach it.
        Path home = Files.createTempDirectory("starling-postgres");
        if (ROOT) {
            run(List.of("chown", OS_USER, home.toString()));
        }
        Path data = home.resolve("data");
        run(asUser(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust",
                "-E", "UTF8", "--no-sync"));
        int port = FreePort.find();
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(asUser(bin.resolve("postgres").toString(), "-D", data.toString(),
                "-p", Integer.toString(port), "-h", "127.0.0.1", "-k", home.toString(), "-c", "fsync=off"))
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        LocalPostgres postgres = new LocalPostgres(bin, home, port, process);
        try {
            postgres.awaitReady(log);
        } catch (InterruptedException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        return postgres;
    }

    public int port() {
        return port;
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

    /** pg_ctl stops the server itself (runuser may not pass a signal on); then the process is reaped. */
    @Override
    public void close() {
        exitCode(asUser(bin.resolve("pg_ctl").toString(), "stop", "-D", data.toString(), "-m", "immediate", "-w"));
        stopProcess();
        exitCode(List.of("rm", "-rf", home.toString()));
    }

    /** Polls pg_isready; fails at once, with the log's tail, if the server exits instead. */
    private void awaitReady(Path log) throws InterruptedException {
        long end = System.nanoTime() + READY_TIMEOUT.toNanos();
        List<String> isReady = List.of(bin.resolve("pg_isready").toString(), "-q", "-h", "127.0.0.1",
                "-p", Integer.toString(port));
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("PostgreSQL exited during startup (code " + process.exitValue() + "); "
                        + tail(log));
            }
            if (exitCode(isReady) == 0) {
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new IllegalStateException("PostgreSQL not ready on port " + port + " after " + READY_TIMEOUT.toSeconds()
                + " s; " + tail(log));
    }

    private void stopProcess() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** {@code /usr/lib/postgresql/<newest major>/bin}, where Debian's postgresql package puts the server. */
    private static Path serverBinaries() throws IOException {
        if (!Files.isDirectory(VERSIONS)) {
            throw new IllegalStateException("no PostgreSQL server under " + VERSIONS
                    + ": install the Debian package postgresql");
        }
        try (Stream<Path> dirs = Files.list(VERSIONS)) {
            return dirs.filter(d -> d.getFileName().toString().matches("\\d+"))
                    .filter(d -> Files.isExecutable(d.resolve("bin/initdb")))
                    .max(Comparator.comparingInt(d -> Integer.parseInt(d.getFileName().toString())))
                    .map(d -> d.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL server under " + VERSIONS
                            + ": install the Debian package postgresql"));
        }
    }

    private static List<String> asUser(String... command) {
        List<String> full = new ArrayList<>();
        if (ROOT) {
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

    /** The command's exit code; -1 if it could not start, was interrupted or ran longer than a minute. */
    private static int exitCode(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return "last lines of " + log + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "see " + log;
        }
    }
}
