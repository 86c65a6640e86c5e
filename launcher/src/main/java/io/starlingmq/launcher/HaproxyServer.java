package io.starlingmq.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An {@code haproxy} (Debian's package) on 127.0.0.1 in TCP mode, as a Kubernetes Service or a cloud
 * load balancer stands in front of the gateways: one frontend port, {@code balance leastconn} over
 * servers whose readiness it checks over HTTP on a port of their own, redispatching a connection that
 * the chosen server refuses. Its configuration and its admin socket live in a folder of its own; it runs
 * in the foreground as a managed process, ready once its admin socket answers (after it bound the
 * frontend). {@link #admin()} adds and removes servers while it runs.
 */
public final class HaproxyServer implements AutoCloseable {

    /** The backend's name in the configuration and on the admin socket. */
    public static final String BACKEND = "servers";
    /** The frontend's name in {@link HaproxyAdmin#stats()}. */
    public static final String FRONTEND = "front";
    /** The admin socket's file in the folder given to {@link #start}, when its path is short enough. */
    static final String ADMIN_SOCKET = "admin.sock";
    /** The file in that folder that names the admin socket's path, wherever it is. */
    static final String ADMIN_SOCKET_NAME_FILE = "admin-socket";
    /** HAProxy refuses a longer socket path (the kernel's limit for a Unix socket address is 108 bytes). */
    static final int MAX_SOCKET_PATH = 97;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    /** A few hundred to a few thousand connections; more would need a larger file descriptor limit. */
    private static final int MAX_CONNECTIONS = 4096;

    private final ManagedProcess process;
    private final int port;
    private final HaproxyAdmin admin;
    private final Path adminSocket;

    private HaproxyServer(ManagedProcess process, int port, HaproxyAdmin admin, Path adminSocket) {
        this.process = process;
        this.port = port;
        this.admin = admin;
        this.adminSocket = adminSocket;
    }

    /** A server behind the load balancer: its traffic port and the port its readiness is checked on. */
    public record Server(String name, int port, int checkPort) {

        /** Its definition, the same in the file and on the admin socket. */
        String definition(HealthCheck check) {
            return name + " 127.0.0.1:" + port + " check port " + checkPort + " inter " + check.interval().toMillis()
                    + "ms fall " + check.fall() + " rise " + check.rise();
        }
    }

    /**
     * How a server's readiness is checked: {@code GET path} on its check port must answer 200, every
     * {@code interval}; {@code fall} failed checks take it out, {@code rise} passed checks bring it in.
     */
    public record HealthCheck(String path, Duration interval, int fall, int rise) {

        /** Quarkus's readiness every 200 ms, out after one failure: a draining server leaves within a second. */
        public static HealthCheck quarkusReadiness() {
            return new HealthCheck("/q/health/ready", Duration.ofMillis(200), 1, 2);
        }
    }

    /**
     * Writes the configuration into {@code dir}, starts HAProxy in the foreground with its output in
     * {@code log}, and waits until it answers on its admin socket, the frontend on {@code port} bound.
     */
    public static HaproxyServer start(int port, HealthCheck check, List<Server> servers, Path dir, Path log,
                                      ProcessSession session) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path adminSocket = adminSocketPath(dir);
        Files.deleteIfExists(adminSocket);
        Files.writeString(dir.resolve(ADMIN_SOCKET_NAME_FILE), adminSocket + "\n");
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(config, configuration(port, check, servers, adminSocket));
        List<String> command = List.of(Executables.require("haproxy", "haproxy").toString(), "-db", "-f", config.toString());
        ManagedProcess process = ManagedProcess.start("haproxy", command, Map.of(), log, session);
        HaproxyAdmin admin = new HaproxyAdmin(adminSocket, check);
        // The admin socket answers once every listener is bound; probing the frontend instead would pass a
        // connection on to a server and count in its statistics.
        process.awaitReady(admin::answers, READY_TIMEOUT);
        return new HaproxyServer(process, port, admin, adminSocket);
    }

    /**
     * Where the admin socket goes: in {@code dir} when that path is short enough for a Unix socket, else in a
     * folder of its own under the temporary directory (a checkout deep in the file system has long paths).
     */
    static Path adminSocketPath(Path dir) throws IOException {
        Path inDir = dir.toAbsolutePath().resolve(ADMIN_SOCKET);
        if (inDir.toString().length() <= MAX_SOCKET_PATH) {
            return inDir;
        }
        return Files.createTempDirectory("starling-haproxy").resolve(ADMIN_SOCKET);
    }

    /** The admin socket of the HAProxy that was started with {@code dir} (read from the name file there). */
    public static HaproxyAdmin adminOf(Path dir, HealthCheck check) throws IOException {
        Path named = dir.resolve(ADMIN_SOCKET_NAME_FILE);
        if (!Files.exists(named)) {
            throw new IOException("no HAProxy was started with " + dir);
        }
        return new HaproxyAdmin(Path.of(Files.readString(named).strip()), check);
    }

    /** The configuration {@link #start} writes. */
    static String configuration(int port, HealthCheck check, List<Server> servers, Path adminSocket) {
        StringBuilder cfg = new StringBuilder();
        cfg.append("global\n")
                .append("    maxconn ").append(MAX_CONNECTIONS).append('\n')
                .append("    stats socket ").append(adminSocket).append(" mode 600 level admin\n")
                .append("defaults\n")
                .append("    mode tcp\n")
                .append("    timeout connect 2s\n")
                // Longer than any MQTT keep alive a client here asks for: idle clients are not cut.
                .append("    timeout client 10m\n")
                .append("    timeout server 10m\n")
                .append("    timeout check 1s\n")
                // A server that refuses (its listener just closed) costs the client nothing: another is tried.
                .append("    retries 3\n")
                .append("    option redispatch 1\n")
                .append("frontend ").append(FRONTEND).append('\n')
                .append("    bind 127.0.0.1:").append(port).append('\n')
                .append("    default_backend ").append(BACKEND).append('\n')
                .append("backend ").append(BACKEND).append('\n')
                .append("    balance leastconn\n")
                .append("    option httpchk GET ").append(check.path()).append('\n')
                .append("    http-check expect status 200\n");
        for (Server server : servers) {
            cfg.append("    server ").append(server.definition(check)).append('\n');
        }
        return cfg.toString();
    }

    public int port() {
        return port;
    }

    public ManagedProcess process() {
        return process;
    }

    /** Its admin socket: servers added and removed, statistics. */
    public HaproxyAdmin admin() {
        return admin;
    }

    @Override
    public void close() {
        process.close();
        try {
            Files.deleteIfExists(adminSocket);
            if (adminSocket.getParent().getFileName().toString().startsWith("starling-haproxy")) {
                Files.deleteIfExists(adminSocket.getParent());
            }
        } catch (IOException ignored) {
            // a leftover socket file in the temporary directory is harmless
        }
    }
}
