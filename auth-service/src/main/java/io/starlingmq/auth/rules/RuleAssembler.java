package io.starlingmq.auth.rules;

import io.starlingmq.rules.AccessRule;
import io.starlingmq.rules.Action;
import io.starlingmq.rules.Permission;
import io.smallrye.mutiny.Uni;
import io.starlingmq.auth.config.AuthConfig;
import io.starlingmq.auth.registry.ApplicableRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the rule list a gateway enforces: the credential's own rules, then the registry's (client
 * id, username, all), placeholders substituted. With {@code starling.auth.no-match=allow} a final
 * allow-everything rule is appended, so gateways always deny when nothing matches.
 */
@ApplicationScoped
public class RuleAssembler {

    private static final AccessRule ALLOW_REST = new AccessRule(Permission.ALLOW, Action.ALL, List.of("#"));

    private final ApplicableRules registry;
    private final AuthConfig config;

    public RuleAssembler(ApplicableRules registry, AuthConfig config) {
        this.registry = registry;
        this.config = config;
    }

    public Uni<List<AccessRule>> rulesFor(String clientId, String username, List<AccessRule> credentialRules) {
        return registry.forDevice(clientId, username).map(stored -> {
            List<AccessRule> templates = new ArrayList<>(credentialRules.size() + stored.size() + 1);
            templates.addAll(credentialRules);
            templates.addAll(stored);
            if (config.noMatch() == AuthConfig.NoMatch.ALLOW) {
                templates.add(ALLOW_REST);
            }
            return PlaceholderResolver.resolve(templates, clientId, username);
        });
    }
}
