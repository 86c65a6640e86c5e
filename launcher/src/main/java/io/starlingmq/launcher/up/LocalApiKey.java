package io.starlingmq.launcher.up;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The API key a local 'up' gives ops, as EMQX's bootstrap file does: {@code key:secret} in
 * {@code .starling/run/api-key}, made once with a random secret (readable by its owner only), kept across
 * runs so scripts keep working; ops reads the same file as its bootstrap file.
 */
record LocalApiKey(Path file) {

    static final String KEY = "starling-local";

    /** Makes the file unless it exists; true when it was made now. */
    boolean ensure() throws IOException {
        if (Files.exists(file)) {
            return false;
        }
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        Files.createDirectories(file.getParent());
        Files.writeString(file, KEY + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return true;
    }
}
