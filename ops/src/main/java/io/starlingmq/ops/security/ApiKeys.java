package io.starlingmq.ops.security;

import io.starlingmq.ops.config.OpsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API keys ops accepts, held as salted SHA-256 hashes of their secrets (a secret is long and random, so a
 * fast hash suffices; the salt keeps two equal secrets apart). For now they come from the bootstrap file.
 */
@ApplicationScoped
public class ApiKeys {

    private record Stored(byte[] salt, byte[] hash, Role role) {
    }

    private final Map<String, Stored> keys = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    ApiKeys() {
    }

    @Inject
    ApiKeys(OpsConfig config) {
        config.apiKeys().bootstrapFile().ifPresent(this::load);
    }

    /** Reads {@code key:secret[:role]} lines; a malformed line stops the start, naming the line. */
    void load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the API key bootstrap file " + file, e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(":", -1);
            Optional<Role> role = parts.length == 3 ? Role.of(parts[2]) : Optional.of(Role.ADMIN);
            if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty() || role.isEmpty()) {
                throw new IllegalArgumentException(file + " line " + (i + 1)
                        + ": expected key:secret or key:secret:role (role admin or viewer)");
            }
            add(parts[0], parts[1], role.get());
        }
    }

    /** Adds (or replaces) a key. */
    public void add(String key, String secret, Role role) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        keys.put(key, new Stored(salt, hash(salt, secret), role));
    }

    /** The key's role when {@code secret} is its secret. */
    public Optional<Role> verify(String key, String secret) {
        Stored stored = keys.get(key);
        if (stored == null) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(stored.hash(), hash(stored.salt(), secret)) ? Optional.of(stored.role())
                : Optional.empty();
    }

    private static byte[] hash(byte[] salt, String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
