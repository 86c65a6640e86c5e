package io.starlingmq.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Puts the realm file where Keycloak's {@code --import-realm} reads it. Keycloak silently skips a realm
 * it already has, so its H2 database is dropped whenever the realm file changed since the last import
 * (a digest of the file is kept beside it); otherwise the database, and Keycloak's quick start, are kept.
 */
final class KeycloakRealmImport {

    private KeycloakRealmImport() {
    }

    static void prepare(Path keycloakHome, Path realmFile) throws IOException {
        Path imports = Files.createDirectories(keycloakHome.resolve("data/import"));
        Path marker = keycloakHome.resolve("data/imported-realm.sha256");
        String digest = sha256(Files.readAllBytes(realmFile));
        if (!Files.exists(marker) || !Files.readString(marker).equals(digest)) {
            deleteTree(keycloakHome.resolve("data/h2"));
            Files.writeString(marker, digest);
        }
        Files.copy(realmFile, imports.resolve(realmFile.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
