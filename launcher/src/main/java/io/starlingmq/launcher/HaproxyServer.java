package io.starlingmq.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code haproxy} (Debian's package) on 127.0.0.1 in TCP mode, as a Kubernetes Service or a cloud
 * load balancer stands in front of the gateways: one frontend port, {@code balance leastconn} over
 * servers whose readiness it checks over HTTP on a port of their own, redispatching a connection that
 * the chosen server refuses. Its configuration and its admin socket live in a folder of its own; it runs
 * in the foreground as a managed process, ready once its admin socket answers (after it bound the frontend). Servers can be added and
 * removed while it runs, through the admin socket (HAProxy's dynamic servers), as endpoints come and go.
 */
public final class HaproxyServer implements AutoCloseable {

    /** The backend's name in the configuration and on the admin socket. */
    public static final String BACKEND = "servers";
    /** The frontend's name in {@link #stats()}. */
    public static final String FRONTEND = "front";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    /** A few hundred to a few thousand connections; more would need a larger file descriptor limit. */
    private static final int MAX_CONNECTIONS = 4096;

    private final ManagedProcess process;
    private final int port;
    private final HealthCheck check;
    private final Path adminSocket;

    private HaproxyServer(ManagedProcess process, int port, HealthCheck check, Path adminSocket) {
        this.process = process;
        this.port = port;
        this.check = check;
        this.adminSocket = adminSocket;
    }

    /** A server behind the load balancer: its traffic port and the port its readiness is checked on. */
    public record Server(String name, int port, int checkPort) {
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

    /** One row of {@code show stat}: a server's (or the frontend's) state and counters. */
    public record Stats(String name, String status, int currentSessions, long totalSessions, int maxSessionRate) {
    }

    /**
     * Writes the configuration into {@code dir}, starts HAProxy in the foreground with its output in
     * {@code log}, and waits until it answers on its admin socket, the frontend on {@code port} bound.
     */
    public static HaproxyServer start(int port, HealthCheck check, List<Server> servers, Path dir, Path log,
                                      ProcessSession session) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path adminSocket = dir.resolve("admin.sock");
        Files.deleteIfExists(adminSocket);
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(config, configuration(port, check, servers, adminSocket));
        List<String> command = List.of(Executables.require("haproxy", "haproxy").toString(), "-db", "-f", config.toString());
        ManagedProcess process = ManagedProcess.start("haproxy", command, Map.of(), log, session);
        HaproxyServer haproxy = new HaproxyServer(process, port, check, adminSocket);
        // The admin socket answers once every listener is bound; probing the frontend instead would pass a
        // connection on to a server and count in its statistics.
        process.awaitReady(haproxy::answers, READY_TIMEOUT);
        return haproxy;
    }

    private boolean answers() {
        try {
            return Files.exists(adminSocket) && command("show info").contains("Name: HAProxy");
        } catch (IOException notYet) {
            return false;
        }
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
            cfg.append("    server ").append(serverLine(server, check)).append('\n');
        }
        return cfg.toString();
    }

    /** A server's definition, the same in the file and on the admin socket. */
    private static String serverLine(Server server, HealthCheck check) {
        return server.name() + " 127.0.0.1:" + server.port() + " check port " + server.checkPort()
                + " inter " + check.interval().toMillis() + "ms fall " + check.fall() + " rise " + check.rise();
    }

    public int port() {
        return port;
    }

    public ManagedProcess process() {
        return process;
    }

    /**
     * Adds a server while running; it takes connections at once and is health-checked from then on, so
     * add a server once it is ready.
     */
    public void addServer(Server server) throws IOException {
        expect(command("add server " + BACKEND + "/" + serverLine(server, check)), "New server registered.");
        expect(command("enable health " + BACKEND + "/" + server.name()), "");
        expect(command("enable server " + BACKEND + "/" + server.name()), "");
    }

    /** Removes a server: it takes no new connection; HAProxy refuses while connections through it are open. */
    public void removeServer(String name) throws IOException {
        expect(command("disable server " + BACKEND + "/" + name), "");
        expect(command("del server " + BACKEND + "/" + name), "Server deleted.");
    }

    /** Resets the counters and maxima of {@link #stats()}, e.g. before the interval a test measures. */
    public void clearCounters() throws IOException {
        expect(command("clear counters"), "");
    }

    /** {@code show stat}: the frontend (as {@value #FRONTEND}) and every server, by name. */
    public Map<String, Stats> stats() throws IOException {
        String[] lines = command("show stat").split("\n");
        if (lines.length == 0 || !lines[0].startsWith("# ")) {
            throw new IOException("show stat answered: " + String.join("\n", lines));
        }
        List<String> header = Arrays.asList(lines[0].substring(2).split(","));
        int proxy = header.indexOf("pxname");
        int name = header.indexOf("svname");
        int status = header.indexOf("status");
        int current = header.indexOf("scur");
        int total = header.indexOf("stot");
        int rateMax = header.indexOf("rate_max");
        Map<String, Stats> stats = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] row = lines[i].split(",", -1);
            if (row.length < header.size()) {
                continue;
            }
            boolean frontend = row[proxy].equals(FRONTEND) && row[name].equals("FRONTEND");
            boolean server = row[proxy].equals(BACKEND) && !row[name].equals("BACKEND");
            if (frontend || server) {
                String key = frontend ? FRONTEND : row[name];
                stats.put(key, new Stats(key, row[status], number(row[current]), Long.parseLong(orZero(row[total])),
                        number(row[rateMax])));
            }
        }
        return stats;
    }

    /** One command on the admin socket, answered in full. */
    public String command(String command) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(adminSocket));
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
            while (channel.read(buffer) >= 0) {
                answer.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return answer.toString(StandardCharsets.UTF_8).strip();
        }
    }

    private static void expect(String answer, String expected) throws IOException {
        if (!answer.equals(expected)) {
            throw new IOException("HAProxy answered: " + answer);
        }
    }

    private static int number(String field) {
        return Integer.parseInt(orZero(field));
    }

    private static String orZero(String field) {
        return field.isEmpty() ? "0" : field;
    }

    /** The servers' names in {@link #stats()} order, without the frontend. */
    public List<String> serverNames() throws IOException {
        List<String> names = new ArrayList<>(stats().keySet());
        names.remove(FRONTEND);
        return names;
    }

    @Override
    public void close() {
        process.close();
    }
}
