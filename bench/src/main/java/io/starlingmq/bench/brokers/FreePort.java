package io.starlingmq.bench.brokers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;

/** A TCP port free on the loopback right now, never one the suite or a system service uses by default. */
public final class FreePort {

    private static final Set<Integer> RESERVED = Set.of(1883, 6379, 6380, 8090, 9090);

    private FreePort() {
    }

    public static int next() {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                if (!RESERVED.contains(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free port", e);
            }
        }
        throw new IllegalStateException("no free port outside the reserved ones");
    }
}
