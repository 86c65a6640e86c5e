package io.starlingmq.bench.run;

import java.io.PrintStream;
import java.time.Duration;

/**
 * The progress line: which run goes on and how long is left. The estimate of what is left is the
 * planned time of the remaining runs, scaled by how the finished runs compared with their plan.
 */
public final class Progress {

    private final PrintStream out;
    private final double plannedTotal;
    private final int runs;
    private double plannedDone;
    private double pending;
    private int done;
    private final long start = System.nanoTime();

    public Progress(PrintStream out, double plannedTotalSeconds, int runs) {
        this.out = out;
        this.plannedTotal = plannedTotalSeconds;
        this.runs = runs;
    }

    public void starting(String what, double plannedSeconds) {
        double elapsed = (System.nanoTime() - start) / 1e9;
        double scale = plannedDone > 0 ? elapsed / plannedDone : 1;
        double left = (plannedTotal - plannedDone) * scale;
        out.printf("[%d/%d] %s · ~%s left%n", done + 1, runs, what, format(left));
        out.flush();
        pending = plannedSeconds;
    }

    public void finished() {
        plannedDone += pending;
        done++;
    }

    static String format(double seconds) {
        Duration d = Duration.ofSeconds(Math.max(0, Math.round(seconds)));
        return d.toMinutes() > 0 ? d.toMinutes() + "m" + String.format("%02d", d.toSecondsPart()) + "s" : d.toSeconds() + "s";
    }
}
