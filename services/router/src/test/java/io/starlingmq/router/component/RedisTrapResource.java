package io.starlingmq.router.component;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A listening socket posing as Redis in {@code quarkus.redis.hosts}: it counts the connections made to it,
 * so a test can prove the in-memory configuration never tries to reach Redis.
 */
public class RedisTrapResource implements QuarkusTestResourceLifecycleManager {

    static final AtomicInteger CONNECTIONS = new AtomicInteger();

    private ServerSocket socket;

    @Override
    public Map<String, String> start() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptAll, "redis-trap");
        acceptor.setDaemon(true);
        acceptor.start();
        return Map.of("starling.router.store", "memory",
                "quarkus.redis.hosts", "redis://127.0.0.1:" + socket.getLocalPort());
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try (Socket ignored = socket.accept()) {
                CONNECTIONS.incrementAndGet();
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void stop() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
