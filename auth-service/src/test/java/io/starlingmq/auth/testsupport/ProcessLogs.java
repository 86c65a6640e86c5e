package io.starlingmq.auth.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

final class ProcessLogs {

    private ProcessLogs() {
    }

    /** A log file under target/, so a failed start can be read after the run. */
    static Path file(String name) {
        try {
            Path dir = Path.of("target", "test-servers");
            Files.createDirectories(dir);
            return dir.resolve(name + ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
