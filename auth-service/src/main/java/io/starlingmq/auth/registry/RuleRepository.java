package io.starlingmq.auth.registry;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;

@ApplicationScoped
public class RuleRepository implements PanacheRepositoryBase<RuleEntity, Long> {

    /** Client-id rules first, then username rules, then rules for all; by priority, then age. */
    static final Comparator<RuleEntity> EVALUATION_ORDER = Comparator
            .comparingInt((RuleEntity rule) -> rule.scope.ordinal())
            .thenComparingInt(rule -> rule.priority)
            .thenComparingLong(rule -> rule.id);

    /** The rules that apply to a device, in evaluation order. */
    public Uni<List<RuleEntity>> applicableTo(String clientId, String username) {
        return find("(scope = :client and subject = :clientId)"
                        + " or (scope = :byUsername and subject = :username) or scope = :all",
                Parameters.with("client", RuleScope.CLIENT)
                        .and("byUsername", RuleScope.USERNAME)
                        .and("all", RuleScope.ALL)
                        .and("clientId", clientId)
                        .and("username", username == null ? "" : username))
                .list()
                .map(rules -> rules.stream().sorted(EVALUATION_ORDER).toList());
    }
}
