package io.starlingmq.launcher;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;

/** Polls a check that answers what is still wrong ("" once all is well) until it is well or time runs out. */
final class UntilSettled {

    private static final long POLL_MILLIS = 100;

    private UntilSettled() {
    }

    /** Fails with {@code what}, the timeout and the last problem seen. */
    static void await(Supplier<String> problem, Duration timeout, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = problem.get();
            if (last.isEmpty()) {
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new IOException(what + " within " + timeout + ": " + last);
    }
}
