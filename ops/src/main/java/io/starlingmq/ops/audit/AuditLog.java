package io.starlingmq.ops.audit;

import io.smallrye.mutiny.Uni;
import io.starlingmq.ops.store.OpsDatabase;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The audit trail: the table {@code ops.audit} when ops has a database, otherwise one line per change in the log
 * category {@code io.starlingmq.ops.audit} (also where a failed write goes, so no change passes unrecorded).
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger("io.starlingmq.ops.audit");
    private static final String COLUMNS = "created_at, source, auth_from, source_ip, http_method, path, http_status_code, "
            + "duration_ms";

    @Inject
    OpsDatabase database;

    public boolean durable() {
        return database.pool().isPresent();
    }

    /** Writes the entry; completes once it is stored (or logged), never with a failure. */
    public Uni<Void> record(AuditEntry entry) {
        Optional<Pool> pool = database.pool();
        if (pool.isEmpty()) {
            LOG.info(line(entry));
            return Uni.createFrom().voidItem();
        }
        return pool.get().preparedQuery("INSERT INTO ops.audit (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.from(List.of(entry.createdAt().atOffset(ZoneOffset.UTC), entry.source(), entry.from(),
                        entry.sourceIp(), entry.httpMethod(), entry.path(), entry.httpStatusCode(), entry.durationMs())))
                .replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    LOG.errorf("could not store the audit entry (%s), so it is logged instead: %s", failure.getMessage(),
                            line(entry));
                    return null;
                });
    }

    /** A page newest first; needs the database. */
    public Uni<AuditPage> list(AuditQuery query) {
        Pool pool = database.pool().orElseThrow(() -> new IllegalStateException("no database configured"));
        List<String> where = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        query.from().ifPresent(v -> condition(where, values, "auth_from =", v));
        query.source().ifPresent(v -> condition(where, values, "source =", v));
        query.sourceIp().ifPresent(v -> condition(where, values, "source_ip =", v));
        query.httpMethod().ifPresent(v -> condition(where, values, "http_method =", v));
        query.httpStatusCode().ifPresent(v -> condition(where, values, "http_status_code =", v));
        query.gteCreatedAt().ifPresent(v -> condition(where, values, "created_at >=", v.atOffset(ZoneOffset.UTC)));
        query.lteCreatedAt().ifPresent(v -> condition(where, values, "created_at <=", v.atOffset(ZoneOffset.UTC)));
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        List<Object> pageValues = new ArrayList<>(values);
        pageValues.add(query.limit());
        pageValues.add((long) (query.page() - 1) * query.limit());
        String select = "SELECT " + COLUMNS + " FROM ops.audit" + filter + " ORDER BY created_at DESC, id DESC LIMIT $"
                + (values.size() + 1) + " OFFSET $" + (values.size() + 2);
        Uni<Long> count = pool.preparedQuery("SELECT count(*) AS n FROM ops.audit" + filter).execute(Tuple.from(values))
                .map(rows -> rows.iterator().next().getLong("n"));
        Uni<List<AuditEntry>> entries = pool.preparedQuery(select).execute(Tuple.from(pageValues)).map(rows -> {
            List<AuditEntry> page = new ArrayList<>();
            rows.forEach(row -> page.add(entry(row)));
            return page;
        });
        return Uni.combine().all().unis(entries, count).with(AuditPage::new);
    }

    private static void condition(List<String> where, List<Object> values, String test, Object value) {
        values.add(value);
        where.add(test + " $" + values.size());
    }

    private static AuditEntry entry(Row row) {
        OffsetDateTime createdAt = row.getOffsetDateTime("created_at");
        return new AuditEntry(createdAt.toInstant(), row.getString("source"), row.getString("auth_from"),
                row.getString("source_ip"), row.getString("http_method"), row.getString("path"),
                row.getInteger("http_status_code"), row.getLong("duration_ms"));
    }

    private static String line(AuditEntry e) {
        return "audit created_at=" + e.createdAt() + " from=" + e.from() + " source=" + e.source() + " source_ip="
                + e.sourceIp() + " http_method=" + e.httpMethod() + " path=" + e.path() + " http_status_code="
                + e.httpStatusCode() + " duration_ms=" + e.durationMs();
    }
}
