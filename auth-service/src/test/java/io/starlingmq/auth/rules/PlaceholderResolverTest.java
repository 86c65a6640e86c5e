package io.starlingmq.auth.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.starlingmq.rules.AccessRule;
import io.starlingmq.rules.Action;
import io.starlingmq.rules.Permission;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceholderResolverTest {

    private static final AccessRule OWN_CLIENT =
            new AccessRule(Permission.ALLOW, Action.ALL, List.of("devices/${clientid}/#"));
    private static final AccessRule OWN_USER =
            new AccessRule(Permission.ALLOW, Action.SUBSCRIBE, List.of("users/${username}/inbox"));

    @Test
    void substitutesClientIdAndUsername() {
        assertThat(PlaceholderResolver.resolve(List.of(OWN_CLIENT, OWN_USER), "dev-1", "alice")).containsExactly(
                new AccessRule(Permission.ALLOW, Action.ALL, List.of("devices/dev-1/#")),
                new AccessRule(Permission.ALLOW, Action.SUBSCRIBE, List.of("users/alice/inbox")));
    }

    @Test
    void allowRuleWithMissingUsernameIsDropped() {
        assertThat(PlaceholderResolver.resolve(List.of(OWN_USER), "dev-1", null)).isEmpty();
    }

    @Test
    void clientIdContainingWildcardsCannotWidenAnAllowRule() {
        assertThat(PlaceholderResolver.resolve(List.of(OWN_CLIENT), "#", null)).isEmpty();
        assertThat(PlaceholderResolver.resolve(List.of(OWN_CLIENT), "+", null)).isEmpty();
        assertThat(PlaceholderResolver.resolve(List.of(OWN_CLIENT), "a/b", null)).isEmpty();
    }

    @Test
    void denyRuleWithUnusableValueFailsClosed() {
        AccessRule denyOwn = new AccessRule(Permission.DENY, Action.PUBLISH, List.of("devices/${clientid}/cmd"));
        assertThat(PlaceholderResolver.resolve(List.of(denyOwn), "+", null))
                .containsExactly(new AccessRule(Permission.DENY, Action.PUBLISH, List.of("#")));
    }
}
