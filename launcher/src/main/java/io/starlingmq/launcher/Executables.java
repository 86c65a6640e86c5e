package io.starlingmq.launcher;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds a server's binary: on the PATH, or where Debian puts system binaries that a user's PATH may lack. */
public final class Executables {

    private static final List<String> SYSTEM_DIRS = List.of("/usr/bin", "/usr/local/bin", "/usr/sbin");

    private Executables() {
    }

    public static Optional<Path> find(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Optional.of(Path.of(dir, name));
            }
        }
        return SYSTEM_DIRS.stream().map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
    }

    /** As {@link #find}, failing with the Debian package to install. */
    public static Path require(String name, String debianPackage) {
        return find(name).orElseThrow(() -> new IllegalStateException(name + " not found on PATH: install the Debian "
                + "package " + debianPackage + " (apt-get install " + debianPackage + ")"));
    }
}
