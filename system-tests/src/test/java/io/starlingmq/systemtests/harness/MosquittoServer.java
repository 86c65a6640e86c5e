package io.starlingmq.systemtests.harness;

import io.starlingmq.launcher.Executables;
import io.starlingmq.launcher.FreePort;
import io.starlingmq.launcher.ManagedProcess;
import io.starlingmq.launcher.Readiness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Mosquitto (the Debian package {@code mosquitto}) on a free loopback port: anonymous access and
 * persistence in its own directory, so a restart on the same port and file keeps its sessions, their
 * queued messages and the retained ones, as a broker the bridge talks to would.
 */
public final class MosquittoServer implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    private final Path dir;
    private final Path config;
    private final int port = FreePort.find();
    private final Path executable = Executables.require("mosquitto", "mosquitto");
    private ManagedProcess process;
    private int starts;

    private MosquittoServer(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.config = dir.resolve("mosquitto.conf");
        Files.writeString(config, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                // Run as root, Mosquitto would switch to its own user, which cannot write this directory.
                "user " + System.getProperty("user.name"),
                "persistence true",
                "persistence_location " + dir.toAbsolutePath() + "/",
                "log_dest stdout",
                ""));
    }

    /** Starts one with its configuration, log and persistence file in {@code dir}. */
    public static MosquittoServer start(Path dir) throws IOException, InterruptedException {
        MosquittoServer server = new MosquittoServer(dir);
        server.launch();
        return server;
    }

    private void launch() throws IOException, InterruptedException {
        starts++;
        process = ManagedProcess.start("mosquitto", List.of(executable.toString(), "-c", config.toString()), Map.of(),
                dir.resolve("mosquitto-" + starts + ".log"));
        process.awaitReady(Readiness.acceptsConnections(port), READY_TIMEOUT);
    }

    public int port() {
        return port;
    }

    /** SIGTERM (Mosquitto writes its persistence file on the way out), then a start on the same port and file. */
    public void restart() throws IOException, InterruptedException {
        process.terminate();
        if (!process.awaitExit(READY_TIMEOUT)) {
            throw new IllegalStateException("mosquitto did not exit after SIGTERM; " + process.tail());
        }
        launch();
    }

    public String tail() {
        return process.tail();
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
