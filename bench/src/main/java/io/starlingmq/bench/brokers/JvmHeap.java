package io.starlingmq.bench.brokers;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Live heap of another JVM: a full GC through jcmd, then the "used" figure of GC.heap_info. */
public final class JvmHeap {

    /** The heap line: older JDKs print "total NK, used NK", newer "total reserved NK, committed NK, used NK". */
    private static final Pattern USED = Pattern.compile("heap\\s+total [^\\n]*?used (\\d+)K");

    private JvmHeap() {
    }

    public static OptionalLong usedAfterGc(Path javaHome, long pid) {
        if (Jcmd.run(javaHome, pid, "GC.run").isEmpty()) {
            return OptionalLong.empty();
        }
        return Jcmd.run(javaHome, pid, "GC.heap_info").map(JvmHeap::parseUsed).orElse(OptionalLong.empty());
    }

    static OptionalLong parseUsed(String heapInfo) {
        Matcher m = USED.matcher(heapInfo);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1)) * 1024) : OptionalLong.empty();
    }
}
