package io.starlingmq.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A local CA and a server certificate for localhost and 127.0.0.1, made by the gateway's own
 * {@code dev-certs.sh}, for the TLS and WSS listeners.
 */
public record DevCertificates(Path folder) {

    /**
     * Makes them in {@code folder}; existing ones are kept unless {@code replace}. The script's output goes
     * to {@code log}, or nowhere when null.
     */
    public static DevCertificates make(SuiteLayout layout, Path folder, boolean replace, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(layout.devCertificatesScript().toString()));
        if (replace) {
            command.add("--force");
        }
        command.add(folder.toString());
        if (log != null) {
            Files.createDirectories(log.toAbsolutePath().getParent());
        }
        OsCommand.require(command, log, "could not make the local certificates in " + folder
                + " (is the Debian package openssl installed?)");
        return new DevCertificates(folder);
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
