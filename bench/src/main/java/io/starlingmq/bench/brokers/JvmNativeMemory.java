package io.starlingmq.bench.brokers;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Native memory another JVM holds outside its Java heap, from Native Memory Tracking (the JVM must run
 * with {@code -XX:NativeMemoryTracking=summary}): the committed total less the Java heap and less the
 * pool of arena chunks. NMT counts what is allocated and not yet freed, so unlike RSS it falls when
 * connections close and grows again with the next ones (bench finding 14). The arena chunk pool is
 * scratch space that JIT compilations borrow and return; the JVM trims it every few seconds, so it
 * follows compilation, not connections.
 */
public final class JvmNativeMemory {

    public static final String TRACKING_FLAG = "-XX:NativeMemoryTracking=summary";

    private static final Pattern TOTAL = Pattern.compile("(?m)^Total: reserved=\\d+KB, committed=(\\d+)KB");
    private static final Pattern HEAP = category("Java Heap");
    private static final Pattern ARENA_CHUNKS = category("Arena Chunk");

    private JvmNativeMemory() {
    }

    public static OptionalLong committedOutsideHeap(Path javaHome, long pid) {
        return Jcmd.run(javaHome, pid, "VM.native_memory summary").map(JvmNativeMemory::parseOutsideHeap)
                .orElse(OptionalLong.empty());
    }

    /** Empty when the JVM does not track native memory (its answer has no totals). */
    static OptionalLong parseOutsideHeap(String summary) {
        Matcher total = TOTAL.matcher(summary);
        Matcher heap = HEAP.matcher(summary);
        if (!total.find() || !heap.find()) {
            return OptionalLong.empty();
        }
        Matcher arena = ARENA_CHUNKS.matcher(summary);
        long arenaKb = arena.find() ? Long.parseLong(arena.group(1)) : 0;
        long kb = Long.parseLong(total.group(1)) - Long.parseLong(heap.group(1)) - arenaKb;
        return OptionalLong.of(kb * 1024);
    }

    private static Pattern category(String name) {
        return Pattern.compile("(?m)^-\\s+" + Pattern.quote(name) + " \\(reserved=\\d+KB, committed=(\\d+)KB\\)");
    }
}
