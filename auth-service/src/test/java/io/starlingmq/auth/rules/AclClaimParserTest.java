package io.starlingmq.auth.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.starlingmq.rules.AccessRule;
import io.starlingmq.rules.Action;
import io.starlingmq.rules.Permission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AclClaimParserTest {

    @Test
    void emqxObjectFormBecomesAllowRules() {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("pub", List.of("a/1", "a/2"));
        claim.put("sub", List.of("b/#"));
        assertThat(AclClaimParser.parse(claim)).containsExactly(
                new AccessRule(Permission.ALLOW, Action.PUBLISH, List.of("a/1", "a/2")),
                new AccessRule(Permission.ALLOW, Action.SUBSCRIBE, List.of("b/#")));
    }

    @Test
    void listFormKeepsOrderAndPermissions() {
        List<Object> claim = List.of(
                Map.of("permission", "deny", "action", "publish", "topic", "a/secret"),
                Map.of("permission", "allow", "action", "all", "topics", List.of("a/#")));
        assertThat(AclClaimParser.parse(claim)).containsExactly(
                new AccessRule(Permission.DENY, Action.PUBLISH, List.of("a/secret")),
                new AccessRule(Permission.ALLOW, Action.ALL, List.of("a/#")));
    }

    @Test
    void missingClaimMeansNoRules() {
        assertThat(AclClaimParser.parse(null)).isEmpty();
    }

    @Test
    void malformedClaimsAreRejected() {
        assertThatThrownBy(() -> AclClaimParser.parse("devices/#")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AclClaimParser.parse(Map.of("publish-all", List.of("a"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AclClaimParser.parse(List.of(Map.of("permission", "maybe", "action", "pub",
                "topic", "a")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AclClaimParser.parse(Map.of("pub", List.of("a/#/b"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
