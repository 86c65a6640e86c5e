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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin socket of a running {@link HaproxyServer}: servers added and removed while it runs (HAProxy's
 * dynamic servers), as endpoints come and go, and its statistics. It needs only the socket's path, so a
 * process other than the one that started HAProxy (e.g. {@code ./starling scale}) can use it.
 */
public final class HaproxyAdmin {

    private final Path socket;
    private final HaproxyServer.HealthCheck check;

    /** The admin socket at {@code socket}; servers added get {@code check} as the configured ones have. */
    public HaproxyAdmin(Path socket, HaproxyServer.HealthCheck check) {
        this.socket = socket;
        this.check = check;
    }

    /** One row of {@code show stat}: a server's (or the frontend's) state and counters. */
    public record Stats(String name, String status, int currentSessions, long totalSessions, int maxSessionRate) {
    }

    /** Whether HAProxy answers on the socket, which it does once every listener is bound. */
    public boolean answers() {
        try {
            return Files.exists(socket) && command("show info").contains("Name: HAProxy");
        } catch (IOException notYet) {
            return false;
        }
    }

    /**
     * Adds a server while running; it takes connections at once and is health-checked from then on, so
     * add a server once it is ready.
     */
    public void addServer(HaproxyServer.Server server) throws IOException {
        String backend = HaproxyServer.BACKEND + "/" + server.name();
        expect(command("add server " + HaproxyServer.BACKEND + "/" + server.definition(check)), "New server registered.");
        expect(command("enable health " + backend), "");
        expect(command("enable server " + backend), "");
    }

    /** Removes a server: it takes no new connection; HAProxy refuses while connections through it are open. */
    public void removeServer(String name) throws IOException {
        expect(command("disable server " + HaproxyServer.BACKEND + "/" + name), "");
        expect(command("del server " + HaproxyServer.BACKEND + "/" + name), "Server deleted.");
    }

    /** Resets the counters and maxima of {@link #stats()}, e.g. before the interval a test measures. */
    public void clearCounters() throws IOException {
        expect(command("clear counters"), "");
    }

    /** {@code show stat}: the frontend (as {@value HaproxyServer#FRONTEND}) and every server, by name. */
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
            boolean frontend = row[proxy].equals(HaproxyServer.FRONTEND) && row[name].equals("FRONTEND");
            boolean server = row[proxy].equals(HaproxyServer.BACKEND) && !row[name].equals("BACKEND");
            if (frontend || server) {
                String key = frontend ? HaproxyServer.FRONTEND : row[name];
                stats.put(key, new Stats(key, row[status], number(row[current]), Long.parseLong(orZero(row[total])),
                        number(row[rateMax])));
            }
        }
        return stats;
    }

    /** The servers' names in {@link #stats()} order, without the frontend. */
    public List<String> serverNames() throws IOException {
        List<String> names = new ArrayList<>(stats().keySet());
        names.remove(HaproxyServer.FRONTEND);
        return names;
    }

    /** One command on the admin socket, answered in full. */
    public String command(String command) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
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
}
