package io.starlingmq.bench.brokers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Stream;

/**
 * CPU time the JIT compiler threads of some processes have used so far, from /proc/&lt;pid&gt;/task.
 * HotSpot names them "C1 CompilerThreadN" and "C2 CompilerThreadN" (the kernel keeps 15 characters).
 * A process without such threads (Mosquitto) contributes nothing.
 */
public final class JitActivity {

    private JitActivity() {
    }

    /** Whether a thread's /proc comm is a HotSpot compiler thread. */
    static boolean isCompilerThread(String comm) {
        String name = comm.trim();
        return (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler"));
    }

    public static long compilerCpuNanos(Collection<Long> pids) {
        long total = 0;
        for (long pid : pids) {
            total += compilerCpuNanos(pid);
        }
        return total;
    }

    private static long compilerCpuNanos(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        long total = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    if (isCompilerThread(Files.readString(thread.resolve("comm")))) {
                        total += ProcStat.cpuNanos(Files.readString(thread.resolve("stat")));
                    }
                } catch (IOException | RuntimeException threadEnded) {
                    // a thread that ended between listing and reading has nothing left to count
                }
            }
        } catch (IOException processEnded) {
            return 0;
        }
        return total;
    }
}
