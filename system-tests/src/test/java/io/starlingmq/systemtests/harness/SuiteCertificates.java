package io.starlingmq.systemtests.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A local CA and a server certificate for localhost / 127.0.0.1, made once per test run by the
 * gateway's own dev-certs.sh (the script ./starling up uses), so the tests exercise it too.
 */
public final class SuiteCertificates {

    private static SuiteCertificates shared;

    private final Path folder;

    private SuiteCertificates(Path folder) {
        this.folder = folder;
    }

    public static synchronized SuiteCertificates shared(Path root) {
        if (shared == null) {
            Path folder = root.resolve("system-tests/target/suite-certs");
            run(root.resolve("gateway/src/main/scripts/dev-certs.sh").toString(), "--force", folder.toString());
            shared = new SuiteCertificates(folder);
        }
        return shared;
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("certificate generation failed: " + String.join(" ", command)
                        + " (is the Debian package openssl installed?)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making certificates", e);
        }
    }

    public Path caCertificate() {
        return folder.resolve("ca.pem");
    }

    public Path serverCertificate() {
        return folder.resolve("server.pem");
    }

    public Path serverKey() {
        return folder.resolve("server.key");
    }
}
