package io.starlingmq.ops.security;

import io.starlingmq.ops.config.OpsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys of the bootstrap file, held in memory as {@link SecretHash}es. They are not copied into the database:
 * the file stays the operator's way in when the database is down or every stored key was deleted, and a key removed
 * from the file is gone at the next start. Keys created through the API are in {@link ApiKeyStore}.
 */
@ApplicationScoped
public class ApiKeys {

    private record Stored(SecretHash secret, Role role) {
    }

    private final Map<String, Stored> keys = new ConcurrentHashMap<>();

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
        keys.put(key, new Stored(SecretHash.of(secret), role));
    }

    /** The key's role when {@code secret} is its secret. */
    public Optional<Role> verify(String key, String secret) {
        Stored stored = keys.get(key);
        if (stored == null) {
            return Optional.empty();
        }
        return stored.secret().matches(secret) ? Optional.of(stored.role()) : Optional.empty();
    }
}
