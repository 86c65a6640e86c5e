package io.starlingmq.auth.registry;

import io.smallrye.mutiny.Uni;
import io.starlingmq.rules.AccessRule;
import io.starlingmq.rules.Action;
import io.starlingmq.rules.Permission;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry rules that apply to a connecting device, read on every CONNECT. One prepared statement on
 * the reactive pool that Hibernate Reactive also uses: opening a Hibernate session and interpreting a
 * query per CONNECT was a third of the auth service's CPU under a connect storm (bench finding 5). The
 * admin API keeps writing through {@link RuleRepository}.
 */
@ApplicationScoped
public class ApplicableRules {

    /** Client-id rules first, then username rules, then rules for all; by priority, then age. */
    static final String QUERY = "SELECT permission, action, topic FROM access_rules"
            + " WHERE (scope = 'CLIENT' AND subject = $1) OR (scope = 'USERNAME' AND subject = $2) OR scope = 'ALL'"
            + " ORDER BY CASE scope WHEN 'CLIENT' THEN 0 WHEN 'USERNAME' THEN 1 ELSE 2 END, priority, id";

    private final Pool pool;

    public ApplicableRules(Pool pool) {
        this.pool = pool;
    }

    /** The rules of the registry for this device, in evaluation order, placeholders not yet resolved. */
    public Uni<List<AccessRule>> forDevice(String clientId, String username) {
        return pool.preparedQuery(QUERY)
                .execute(Tuple.of(clientId, username == null ? "" : username))
                .map(rows -> {
                    List<AccessRule> rules = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        rules.add(new AccessRule(Permission.valueOf(row.getString(0)), Action.valueOf(row.getString(1)),
                                List.of(row.getString(2))));
                    }
                    return rules;
                });
    }
}
