package io.starlingmq.bench.brokers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** CPU time and resident memory of a process, read from /proc. */
public final class ProcStat {

    /** USER_HZ on Linux for every architecture the bench runs on. */
    static final long CLOCK_TICKS_PER_SECOND = 100;

    private ProcStat() {
    }

    /** utime + stime in nanoseconds, from the text of /proc/&lt;pid&gt;/stat. */
    static long cpuNanos(String stat) {
        // The command name (field 2) may contain spaces and parentheses: count fields after the last ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        long utime = Long.parseLong(fields[11]);
        long stime = Long.parseLong(fields[12]);
        return (utime + stime) * (1_000_000_000L / CLOCK_TICKS_PER_SECOND);
    }

    /** VmRSS in bytes, from the text of /proc/&lt;pid&gt;/status. */
    static long rssBytes(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring(6).trim().split("\\s+");
                return Long.parseLong(parts[0]) * 1024;
            }
        }
        return 0;
    }

    public static OptionalLong cpuNanos(long pid) {
        try {
            return OptionalLong.of(cpuNanos(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    public static OptionalLong rssBytes(long pid) {
        try {
            return OptionalLong.of(rssBytes(Files.readString(Path.of("/proc", Long.toString(pid), "status"))));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
