package io.starlingmq.auth.registry;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Registry rules for the admin API; the CONNECT path reads them through {@link ApplicableRules}. */
@ApplicationScoped
public class RuleRepository implements PanacheRepositoryBase<RuleEntity, Long> {
}
