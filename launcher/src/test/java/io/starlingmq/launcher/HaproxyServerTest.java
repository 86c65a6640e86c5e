package io.starlingmq.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the real haproxy (Debian package haproxy) in front of two small servers of the test's own. */
class HaproxyServerTest {

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void forwardsToAReadyServerAndStopsChoosingOneThatTurnsNotReady() throws Exception {
        NamedServer a = namedServer("a");
        NamedServer b = namedServer("b");
        b.ready.set(false);
        HaproxyServer haproxy = start(List.of(a.server(), b.server()));
        await(() -> status(haproxy, "b").equals("DOWN"));

        assertThat(greeting(haproxy)).isEqualTo("a");
        a.ready.set(false);
        b.ready.set(true);
        await(() -> status(haproxy, "a").equals("DOWN") && status(haproxy, "b").equals("UP"));

        assertThat(greeting(haproxy)).isEqualTo("b");
        assertThat(haproxy.admin().stats().get("a").totalSessions()).isEqualTo(1);
        assertThat(haproxy.admin().stats().get("b").totalSessions()).isEqualTo(1);
        assertThat(haproxy.admin().stats().get(HaproxyServer.FRONTEND).totalSessions()).isEqualTo(2);
    }

    @Test
    void aNotReadyServerLeavesWithinASecond() throws Exception {
        NamedServer a = namedServer("a");
        HaproxyServer haproxy = start(List.of(a.server()));
        await(() -> status(haproxy, "a").equals("UP"));

        long before = System.nanoTime();
        a.ready.set(false);
        await(() -> status(haproxy, "a").equals("DOWN"));

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void serversComeAndGoWhileItRuns() throws Exception {
        NamedServer a = namedServer("a");
        HaproxyServer haproxy = start(List.of(a.server()));
        try (Socket held = connect(haproxy)) {
            assertThat(readLine(held)).isEqualTo("a");
            NamedServer b = namedServer("b");

            haproxy.admin().addServer(b.server());

            // leastconn: a holds a connection, b none.
            assertThat(greeting(haproxy)).isEqualTo("b");
            assertThat(haproxy.admin().serverNames()).containsExactly("a", "b");
            assertThat(haproxy.admin().stats().get("a").currentSessions()).isEqualTo(1);
            assertThatThrownBy(() -> haproxy.admin().removeServer("a")).hasMessageContaining("HAProxy answered");
        }
        await(() -> current(haproxy, "a") == 0);
        haproxy.admin().removeServer("a");
        assertThat(haproxy.admin().serverNames()).containsExactly("b");
        assertThat(greeting(haproxy)).isEqualTo("b");
    }

    @Test
    void writesItsConfigurationIntoItsFolderAndStopsOnClose() throws Exception {
        NamedServer a = namedServer("a");
        HaproxyServer haproxy = HaproxyServer.start(FreePort.find(), HaproxyServer.HealthCheck.quarkusReadiness(),
                List.of(a.server()), dir.resolve("lb"), dir.resolve("haproxy.log"), ProcessSession.SHARED);
        String config = Files.readString(dir.resolve("lb/haproxy.cfg"));
        assertThat(config).contains("mode tcp", "balance leastconn", "option httpchk GET /q/health/ready",
                "server a 127.0.0.1:" + a.port + " check port " + a.checkPort + " inter 200ms fall 1 rise 2");

        haproxy.close();

        assertThat(haproxy.process().isAlive()).isFalse();
        assertThat(Readiness.acceptsConnections(haproxy.port()).ready()).isFalse();
    }

    @Test
    void aFolderTooDeepForAUnixSocketGetsItsAdminSocketElsewhereAndAnotherProcessFindsIt() throws Exception {
        NamedServer a = namedServer("a");
        Path deep = dir.resolve("a-checkout-folder-whose-path-is-long".repeat(3)).resolve("haproxy-mqtt");
        assertThat(deep.resolve("admin.sock").toString().length()).isGreaterThan(HaproxyServer.MAX_SOCKET_PATH);
        HaproxyServer haproxy = HaproxyServer.start(FreePort.find(), HaproxyServer.HealthCheck.quarkusReadiness(),
                List.of(a.server()), deep, dir.resolve("haproxy.log"), ProcessSession.SHARED);
        open.add(haproxy);

        HaproxyAdmin found = HaproxyServer.adminOf(deep, HaproxyServer.HealthCheck.quarkusReadiness());
        assertThat(found.answers()).isTrue();
        assertThat(found.serverNames()).containsExactly("a");
    }

    private HaproxyServer start(List<HaproxyServer.Server> servers) throws Exception {
        HaproxyServer.HealthCheck check = new HaproxyServer.HealthCheck("/ready", Duration.ofMillis(100), 1, 1);
        HaproxyServer haproxy = HaproxyServer.start(FreePort.find(), check, servers, dir.resolve("lb"),
                dir.resolve("haproxy.log"), ProcessSession.SHARED);
        open.add(haproxy);
        return haproxy;
    }

    private static int current(HaproxyServer haproxy, String server) {
        try {
            return haproxy.admin().stats().get(server).currentSessions();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String status(HaproxyServer haproxy, String server) {
        try {
            return haproxy.admin().stats().get(server).status();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(20);
        }
    }

    /** The name of the server a new connection through the load balancer reached. */
    private static String greeting(HaproxyServer haproxy) throws IOException {
        try (Socket socket = connect(haproxy)) {
            return readLine(socket);
        }
    }

    private static Socket connect(HaproxyServer haproxy) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), haproxy.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static String readLine(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }

    /** Greets every connection with its name; its readiness answers 200 or 503 as {@code ready} says. */
    private NamedServer namedServer(String name) throws IOException {
        NamedServer server = new NamedServer(name, FreePort.find(), FreePort.find());
        open.add(server);
        return server;
    }

    private static final class NamedServer implements AutoCloseable {
        final AtomicBoolean ready = new AtomicBoolean(true);
        final String name;
        final int port;
        final int checkPort;
        private final ServerSocket sockets;
        private final HttpServer health;
        private final Thread acceptor;

        NamedServer(String name, int port, int checkPort) throws IOException {
            this.name = name;
            this.port = port;
            this.checkPort = checkPort;
            sockets = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            acceptor = Thread.ofVirtual().start(this::accept);
            health = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), checkPort), 0);
            health.createContext("/", exchange -> {
                int status = ready.get() ? 200 : 503;
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            health.start();
        }

        HaproxyServer.Server server() {
            return new HaproxyServer.Server(name, port, checkPort);
        }

        private void accept() {
            while (!sockets.isClosed()) {
                try {
                    Socket socket = sockets.accept();
                    Thread.ofVirtual().start(() -> greet(socket));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        /** Says its name and holds the connection until the client closes it. */
        private void greet(Socket socket) {
            try (socket) {
                OutputStream out = socket.getOutputStream();
                out.write((name + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                while (socket.getInputStream().read() >= 0) {
                    // held open
                }
            } catch (IOException gone) {
                // the client left
            }
        }

        @Override
        public void close() throws IOException {
            health.stop(0);
            sockets.close();
        }
    }
}
