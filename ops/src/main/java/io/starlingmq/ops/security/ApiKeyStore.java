package io.starlingmq.ops.security;

import io.smallrye.mutiny.Uni;
import io.starlingmq.ops.store.OpsDatabase;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * API keys created through the API, in the table {@code ops.api_key}: the key (an id sent as the HTTP Basic user
 * name), the salted hash of its secret, never the secret. Every request reads its key's row, so a disabled, expired
 * or deleted key is refused at once, on every replica.
 */
@ApplicationScoped
public class ApiKeyStore {

    /** A stored key as the API shows it: never its secret. */
    public record StoredKey(String name, String apiKey, Role role, String desc, boolean enable, Optional<Instant> expiredAt,
            Instant createdAt) {

        public boolean expired(Instant now) {
            return expiredAt.map(at -> !at.isAfter(now)).orElse(false);
        }
    }

    /** A new key and its secret, shown once. */
    public record Created(StoredKey key, String apiSecret) {
    }

    /** What a change sets; an empty field is kept. {@code expiredAt} present but empty: never expires. */
    public record Change(Optional<Role> role, Optional<String> desc, Optional<Boolean> enable,
            Optional<Optional<Instant>> expiredAt) {
    }

    /** A key of that name exists already. */
    public static final class DuplicateNameException extends RuntimeException {
        public DuplicateNameException(String name) {
            super("name: an API key named " + name + " exists already");
        }
    }

    /** The database is not configured. */
    public static final class NoDatabaseException extends RuntimeException {
        public NoDatabaseException() {
            super("API keys are kept in PostgreSQL, and ops has no database configured (quarkus.datasource.reactive.url); "
                    + "only the bootstrap file's keys are accepted");
        }
    }

    private static final String COLUMNS = "name, api_key, role, description, enable, expired_at, created_at";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    OpsDatabase database;

    Clock clock = Clock.systemUTC();

    public boolean available() {
        return database.pool().isPresent();
    }

    public Uni<Created> create(String name, Role role, String desc, boolean enable, Optional<Instant> expiredAt) {
        String apiKey = randomHex(8);
        String secret = randomSecret();
        SecretHash hash = SecretHash.of(secret);
        Instant createdAt = clock.instant();
        StoredKey key = new StoredKey(name, apiKey, role, desc, enable, expiredAt, createdAt);
        return pool().preparedQuery("INSERT INTO ops.api_key (" + COLUMNS + ", secret_salt, secret_hash) "
                + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .execute(Tuple.from(Arrays.asList(name, apiKey, role.roleName(), desc, enable, offset(expiredAt.orElse(null)),
                        offset(createdAt), hash.salt(), hash.hash())))
                .replaceWith(new Created(key, secret))
                .onFailure(ApiKeyStore::uniqueViolation).transform(e -> new DuplicateNameException(name));
    }

    public Uni<List<StoredKey>> list() {
        return pool().query("SELECT " + COLUMNS + " FROM ops.api_key ORDER BY created_at, name").execute()
                .map(rows -> {
                    List<StoredKey> keys = new ArrayList<>();
                    rows.forEach(row -> keys.add(key(row)));
                    return keys;
                });
    }

    public Uni<Optional<StoredKey>> get(String name) {
        return pool().preparedQuery("SELECT " + COLUMNS + " FROM ops.api_key WHERE name = $1").execute(Tuple.of(name))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(key(rows.iterator().next())));
    }

    /** Applies the change; empty when no key has that name. */
    public Uni<Optional<StoredKey>> update(String name, Change change) {
        List<String> sets = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        change.role().ifPresent(r -> set(sets, values, "role", r.roleName()));
        change.desc().ifPresent(d -> set(sets, values, "description", d));
        change.enable().ifPresent(e -> set(sets, values, "enable", e));
        change.expiredAt().ifPresent(at -> set(sets, values, "expired_at", offset(at.orElse(null))));
        if (sets.isEmpty()) {
            return get(name);
        }
        values.add(name);
        return pool().preparedQuery("UPDATE ops.api_key SET " + String.join(", ", sets) + " WHERE name = $" + values.size()
                + " RETURNING " + COLUMNS).execute(Tuple.from(values))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(key(rows.iterator().next())));
    }

    /** Whether a key of that name was there. */
    public Uni<Boolean> delete(String name) {
        return pool().preparedQuery("DELETE FROM ops.api_key WHERE name = $1").execute(Tuple.of(name))
                .map(rows -> rows.rowCount() > 0);
    }

    /** The name and role of an enabled, unexpired key whose secret this is; empty otherwise or without a database. */
    public Uni<Optional<StoredKey>> verify(String apiKey, String secret) {
        Optional<Pool> pool = database.pool();
        if (pool.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return pool.get().preparedQuery("SELECT " + COLUMNS + ", secret_salt, secret_hash FROM ops.api_key WHERE api_key = $1")
                .execute(Tuple.of(apiKey))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    StoredKey key = key(row);
                    SecretHash hash = new SecretHash(row.getBuffer("secret_salt").getBytes(),
                            row.getBuffer("secret_hash").getBytes());
                    boolean valid = key.enable() && !key.expired(clock.instant()) && hash.matches(secret);
                    return valid ? Optional.of(key) : Optional.empty();
                });
    }

    private Pool pool() {
        return database.pool().orElseThrow(NoDatabaseException::new);
    }

    private static void set(List<String> sets, List<Object> values, String column, Object value) {
        values.add(value);
        sets.add(column + " = $" + values.size());
    }

    private static StoredKey key(Row row) {
        OffsetDateTime expiredAt = row.getOffsetDateTime("expired_at");
        return new StoredKey(row.getString("name"), row.getString("api_key"),
                Role.of(row.getString("role")).orElseThrow(() -> new IllegalStateException("ops.api_key has an unknown role "
                        + row.getString("role"))), row.getString("description"), row.getBoolean("enable"),
                Optional.ofNullable(expiredAt).map(OffsetDateTime::toInstant), row.getOffsetDateTime("created_at").toInstant());
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static boolean uniqueViolation(Throwable failure) {
        return failure instanceof PgException pg && "23505".equals(pg.getSqlState()) && "api_key_pkey".equals(pg.getConstraint());
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** 256 random bits, URL-safe so it survives a shell and a Basic header untouched. */
    private static String randomSecret() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
