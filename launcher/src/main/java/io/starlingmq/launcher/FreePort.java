package io.starlingmq.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A TCP port on 127.0.0.1 that is free now, below the kernel's ephemeral range and never handed out
 * twice by this JVM. A port the kernel picked for binding port 0 comes from the ephemeral range, where
 * any outgoing connection of the test run may take it before the server meant to listen on it starts.
 */
public final class FreePort {

    private static final int LOWEST = 10_000;
    /** Ports the suite uses by default when run by hand. */
    private static final Set<Integer> RESERVED = Set.of(1883, 6379, 6380, 8083, 8084, 8090, 8091, 8180, 8280, 8883, 9090);
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePort() {
    }

    public static synchronized int find() {
        int highest = ephemeralRangeStart() - 1;
        int span = highest - LOWEST + 1;
        int start = ThreadLocalRandom.current().nextInt(span);
        for (int i = 0; i < span; i++) {
            int port = LOWEST + (start + i) % span;
            if (!RESERVED.contains(port) && !HANDED_OUT.contains(port) && bindable(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + highest);
    }

    static int ephemeralRangeStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            return Math.max(LOWEST + 1_000, Integer.parseInt(range.split("\\s+")[0]));
        } catch (IOException | RuntimeException unknown) {
            return 32_768;
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
