package io.starlingmq.ops.store;

import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Ops's PostgreSQL, when {@code quarkus.datasource.reactive.url} is set (Quarkus leaves the data source inactive
 * otherwise): its tables live in the schema {@code ops}, created and migrated at start. Without it ops keeps only the
 * bootstrap keys and writes its audit trail to the log.
 */
@ApplicationScoped
public class OpsDatabase {

    private static final Logger LOG = Logger.getLogger(OpsDatabase.class);
    private static final Duration MIGRATION_TIMEOUT = Duration.ofSeconds(30);

    /** Applied in order, each once; a released version is never edited, a change is a new entry. */
    static final List<List<String>> MIGRATIONS = List.of(
            List.of("""
                    CREATE TABLE ops.api_key (
                        name text PRIMARY KEY,
                        api_key text NOT NULL UNIQUE,
                        secret_salt bytea NOT NULL,
                        secret_hash bytea NOT NULL,
                        role text NOT NULL,
                        description text NOT NULL,
                        enable boolean NOT NULL,
                        expired_at timestamptz,
                        created_at timestamptz NOT NULL
                    )""", """
                    CREATE TABLE ops.audit (
                        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                        created_at timestamptz NOT NULL,
                        source text NOT NULL,
                        auth_from text NOT NULL,
                        source_ip text NOT NULL,
                        http_method text NOT NULL,
                        path text NOT NULL,
                        http_status_code integer NOT NULL,
                        duration_ms bigint NOT NULL
                    )""",
                    "CREATE INDEX audit_newest_first ON ops.audit (created_at DESC, id DESC)"));

    @Inject
    InjectableInstance<Pool> pools;

    private volatile Pool pool;

    void migrateAtStart(@Observes StartupEvent event) {
        List<Pool> active = pools.listActive();
        if (active.isEmpty()) {
            LOG.info("no database configured (quarkus.datasource.reactive.url): API keys from the bootstrap file only, "
                    + "the audit trail goes to the log");
            return;
        }
        Pool candidate = active.getFirst();
        int applied = candidate.withTransaction(OpsDatabase::migrate)
                .onFailure().transform(e -> new IllegalStateException("ops's database (quarkus.datasource.reactive.url) "
                        + "could not be reached or migrated: " + e.getMessage(), e))
                .await().atMost(MIGRATION_TIMEOUT);
        if (applied > 0) {
            LOG.infof("database schema ops migrated to version %d", applied);
        }
        pool = candidate;
    }

    /** The pool, when a database is configured. */
    public Optional<Pool> pool() {
        return Optional.ofNullable(pool);
    }

    /**
     * Runs the missing migrations in one transaction; an advisory lock keeps two replicas starting together apart.
     * Answers the version reached, or 0 when nothing was to do.
     */
    private static Uni<Integer> migrate(SqlConnection connection) {
        return connection.query("SELECT pg_advisory_xact_lock(hashtext('starling-ops-schema'))").execute()
                .chain(() -> connection.query("CREATE SCHEMA IF NOT EXISTS ops").execute())
                .chain(() -> connection.query("CREATE TABLE IF NOT EXISTS ops.schema_version ("
                        + "version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())").execute())
                .chain(() -> connection.query("SELECT coalesce(max(version), 0) AS v FROM ops.schema_version").execute())
                .chain(rows -> {
                    int current = rows.iterator().next().getInteger("v");
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (int i = current; i < MIGRATIONS.size(); i++) {
                        int version = i + 1;
                        for (String statement : MIGRATIONS.get(i)) {
                            chain = chain.chain(() -> connection.query(statement).execute()).replaceWithVoid();
                        }
                        chain = chain.chain(() -> connection.query("INSERT INTO ops.schema_version (version) VALUES ("
                                + version + ")").execute()).replaceWithVoid();
                    }
                    return chain.replaceWith(current < MIGRATIONS.size() ? MIGRATIONS.size() : 0);
                });
    }
}
