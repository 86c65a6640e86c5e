package io.starlingmq.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** {@code /usr/lib/postgresql/<newest major>/bin}, where Debian's postgresql package puts the server. */
public record PostgresBinaries(Path dir) {

    private static final Path VERSIONS = Path.of("/usr/lib/postgresql");

    public static Optional<PostgresBinaries> find() {
        if (!Files.isDirectory(VERSIONS)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(VERSIONS)) {
            return dirs.filter(d -> d.getFileName().toString().matches("\\d+"))
                    .filter(d -> Files.isExecutable(d.resolve("bin/initdb")))
                    .max(Comparator.comparingInt(d -> Integer.parseInt(d.getFileName().toString())))
                    .map(d -> new PostgresBinaries(d.resolve("bin")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PostgresBinaries require() {
        return find().orElseThrow(() -> new IllegalStateException("no PostgreSQL server under " + VERSIONS
                + ": install the Debian package postgresql (apt-get install postgresql)"));
    }

    public String tool(String name) {
        return dir.resolve(name).toString();
    }
}
