package io.starlingmq.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;

/** The versions and machine a report was measured on. */
public record Environment(String date, String starlingCommit, String mosquittoVersion, String jdk, String cpuModel,
        int cores, String kernel) {

    public static Environment collect(Path repo) {
        String commit = command(repo, "git", "rev-parse", "--short=12", "HEAD");
        String dirty = command(repo, "git", "status", "--porcelain", "--untracked-files=no");
        if (!dirty.isBlank() && !dirty.equals("unknown")) {
            commit += " (with uncommitted changes)";
        }
        return new Environment(
                OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE) + " UTC",
                commit,
                mosquittoVersion(repo),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                readCpuModel(),
                Runtime.getRuntime().availableProcessors(),
                command(repo, "uname", "-sr"));
    }

    static String mosquittoVersion(Path dir) {
        String out = command(dir, "mosquitto", "-h");
        for (String line : out.split("\n")) {
            if (line.startsWith("mosquitto version")) {
                return line.substring("mosquitto version".length()).trim();
            }
        }
        return "unknown";
    }

    private static String readCpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }

    private static String command(Path dir, String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            // mosquitto -h exits non-zero by design; the text is what we want.
            return p.waitFor(10, TimeUnit.SECONDS) ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
