package io.starlingmq.bench.listing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The router's resident memory, from /proc, once its replicas hold every session. */
final class RouterMemory {

    private RouterMemory() {
    }

    static long rssBytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }
}
