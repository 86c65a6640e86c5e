package io.starlingmq.bench.brokers;

import io.starlingmq.testing.FreePort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The auth service's database for a bench run: a private PostgreSQL cluster in a temporary directory
 * of its own (trust authentication, own port, no fsync: nothing in it outlives the run). PostgreSQL refuses to run
 * as root, so as root it runs as the user postgres, as {@code ./starling up} does.
 */
public final class BenchPostgres implements AutoCloseable {

    private static final String OS_USER = "postgres";
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path bin;
    private final Path home;
    private final Path data;
    private final int port;
    private final ManagedProcess process;

    private BenchPostgres(Path bin, Path home, int port, ManagedProcess process) {
        this.bin = bin;
        this.home = home;
        this.data = home.resolve("data");
        this.port = port;
        this.process = process;
    }

    public static BenchPostgres start(Path logs) throws IOException, InterruptedException {
        Path bin = serverBinaries();
        // Its own directory under the system temporary folder: the user postgres must reach it.
        Path home = Files.createTempDirectory("starling-bench-pg");
        if (ROOT) {
            run(List.of("chown", OS_USER, home.toString()));
        }
        Path data = home.resolve("data");
        run(asUser(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                "--no-sync"));
        int port = FreePort.find();
        ManagedProcess process = ManagedProcess.start("postgres", asUser(bin.resolve("postgres").toString(), "-D", data.toString(),
                "-p", Integer.toString(port), "-h", "127.0.0.1", "-k", home.toString(), "-c", "fsync=off"), Map.of(), logs);
        BenchPostgres postgres = new BenchPostgres(bin, home, port, process);
        try {
            process.awaitReady(() -> exitCode(List.of(bin.resolve("pg_isready").toString(), "-q", "-h", "127.0.0.1", "-p",
                    Integer.toString(port))) == 0, Duration.ofSeconds(30));
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

    /** {@code /usr/lib/postgresql/<newest major>/bin}, where Debian's postgresql package puts the server. */
    private static Path serverBinaries() throws IOException {
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            throw new IllegalStateException("auth-connect needs PostgreSQL for the auth service: apt-get install postgresql");
        }
        try (Stream<Path> dirs = Files.list(versions)) {
            return dirs.filter(d -> d.getFileName().toString().matches("\\d+"))
                    .filter(d -> Files.isExecutable(d.resolve("bin/initdb")))
                    .max(Comparator.comparingInt(d -> Integer.parseInt(d.getFileName().toString())))
                    .map(d -> d.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL server under " + versions
                            + ": apt-get install postgresql"));
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

    private static int exitCode(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
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

    /** pg_ctl stops the server itself (runuser may not pass a signal on); then the process is reaped. */
    @Override
    public void close() {
        exitCode(asUser(bin.resolve("pg_ctl").toString(), "stop", "-D", data.toString(), "-m", "immediate", "-w"));
        process.close();
        exitCode(List.of("rm", "-rf", home.toString()));
    }
}
