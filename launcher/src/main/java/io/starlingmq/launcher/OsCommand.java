package io.starlingmq.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A short command run to its end (initdb, pg_ctl, chown, a certificate script), its output in a log or dropped. */
final class OsCommand {

    private static final long TIMEOUT_SECONDS = 120;

    private OsCommand() {
    }

    /** The exit code; -1 when the command could not start, was interrupted or ran too long. */
    static int run(List<String> command, Path log) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(log.toFile()));
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Runs it and fails unless it exits with 0. */
    static void require(List<String> command, Path log, String failure) throws IOException {
        if (run(command, log) != 0) {
            throw new IOException(failure + (log == null ? "" : "; see " + log));
        }
    }
}
