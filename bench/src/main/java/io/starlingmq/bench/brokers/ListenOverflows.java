package io.starlingmq.bench.brokers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The kernel's count of connections dropped because a listening socket's accept queue was full
 * ({@code TcpExt ListenOverflows} in /proc/net/netstat, for the whole machine, where only the bench and its
 * brokers run). A dropped SYN is retried by the client a second later: a connect storm with more CONNECTs
 * in flight than the broker's listen backlog measures that backlog, and this counter says so.
 */
public final class ListenOverflows {

    private static final Path NETSTAT = Path.of("/proc/net/netstat");

    private ListenOverflows() {
    }

    /** Empty where /proc/net/netstat cannot be read or has no such field. */
    public static OptionalLong read() {
        try {
            return parse(Files.readString(NETSTAT));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** The field named ListenOverflows in the TcpExt header line, read from the TcpExt values line after it. */
    static OptionalLong parse(String netstat) {
        String[] lines = netstat.split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            if (!lines[i].startsWith("TcpExt:") || !lines[i + 1].startsWith("TcpExt:")) {
                continue;
            }
            String[] names = lines[i].trim().split("\\s+");
            String[] values = lines[i + 1].trim().split("\\s+");
            for (int f = 1; f < names.length && f < values.length; f++) {
                if (names[f].equals("ListenOverflows")) {
                    return OptionalLong.of(Long.parseLong(values[f]));
                }
            }
        }
        return OptionalLong.empty();
    }
}
