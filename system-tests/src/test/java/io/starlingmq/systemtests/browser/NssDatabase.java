package io.starlingmq.systemtests.browser;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The NSS certificate database Chromium on Linux reads from {@code $HOME/.pki/nssdb}: made with
 * certutil (Debian package libnss3-tools) so the browser trusts a CA the way a user's machine would.
 */
final class NssDatabase {

    private static final String NICKNAME = "starling-test-ca";

    private NssDatabase() {
    }

    /** Creates an empty database in {@code home} and adds {@code caCertificate} as trusted for TLS servers. */
    static void trustInHome(Path home, Path caCertificate) throws IOException, InterruptedException {
        Path database = home.resolve(".pki/nssdb");
        Files.createDirectories(database);
        String location = "sql:" + database;
        certutil(home, List.of("certutil", "-d", location, "-N", "--empty-password"));
        certutil(home, List.of("certutil", "-d", location, "-A", "-t", "C,,", "-n", NICKNAME,
                "-i", caCertificate.toString()));
    }

    private static void certutil(Path workDir, List<String> command) throws IOException, InterruptedException {
        Path output = workDir.resolve("certutil.log");
        Process process;
        try {
            // stdin closed: a certutil that wanted to prompt fails instead of hanging
            process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.to(output.toFile())).start();
        } catch (IOException notInstalled) {
            throw new IllegalStateException("cannot run certutil: install the Debian package libnss3-tools", notInstalled);
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("certutil did not finish within 30 s: " + String.join(" ", command));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with " + process.exitValue() + ":\n"
                    + Files.readString(output, StandardCharsets.UTF_8));
        }
    }
}
