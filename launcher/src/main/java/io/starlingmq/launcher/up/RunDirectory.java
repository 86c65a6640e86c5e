package io.starlingmq.launcher.up;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code .starling/run}: a pid file per running process, the authentication mode and the device rule of
 * the running 'up'. {@code ./starling down} stops what the pid files name; {@code ./starling token} reads
 * the mode and the rule, so tokens match what up printed.
 */
public record RunDirectory(Path dir) {

    /** The processes of an 'up', in stop order: clients of a server before the server. */
    public static final List<String> PROCESSES = List.of("gateway", "router", "auth", "keycloak", "postgres", "redis");

    public boolean anyRunning() {
        return PROCESSES.stream().anyMatch(name -> Files.exists(pidFile(name)));
    }

    public void recordPid(String name, long pid) {
        write(pidFile(name), Long.toString(pid));
    }

    public OptionalLong pid(String name) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(pidFile(name)).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public void forget(String name) {
        delete(pidFile(name));
    }

    public void recordMode(UpOptions.Mode mode) {
        write(dir.resolve("mode"), mode.fileName());
    }

    public void recordDeviceAcl(String acl) {
        write(dir.resolve("device-acl"), acl);
    }

    /** Removes the mode and the rule, once every process is stopped. */
    public void clearRunInfo() {
        delete(dir.resolve("mode"));
        delete(dir.resolve("device-acl"));
    }

    private Path pidFile(String name) {
        return dir.resolve(name + ".pid");
    }

    private static void write(Path file, String value) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, value + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
