package io.starlingmq.bench.brokers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Live heap of another JVM: a full GC through jcmd, then the "used" figure of GC.heap_info. */
public final class JvmHeap {

    /** The heap line: older JDKs print "total NK, used NK", newer "total reserved NK, committed NK, used NK". */
    private static final Pattern USED = Pattern.compile("heap\\s+total [^\\n]*?used (\\d+)K");
    private static final long JCMD_TIMEOUT_SECONDS = 60;

    private JvmHeap() {
    }

    public static OptionalLong usedAfterGc(Path javaHome, long pid) {
        String jcmd = javaHome.resolve("bin/jcmd").toString();
        if (run(jcmd, pid, "GC.run") == null) {
            return OptionalLong.empty();
        }
        String info = run(jcmd, pid, "GC.heap_info");
        return info == null ? OptionalLong.empty() : parseUsed(info);
    }

    static OptionalLong parseUsed(String heapInfo) {
        Matcher m = USED.matcher(heapInfo);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1)) * 1024) : OptionalLong.empty();
    }

    private static String run(String jcmd, long pid, String command) {
        try {
            Process p = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(JCMD_TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
