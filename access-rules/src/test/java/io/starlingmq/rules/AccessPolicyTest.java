package io.starlingmq.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static AccessRule allow(Action action, String... topics) {
        return new AccessRule(Permission.ALLOW, action, List.of(topics));
    }

    private static AccessRule deny(Action action, String... topics) {
        return new AccessRule(Permission.DENY, action, List.of(topics));
    }

    /** The rule a device gets once the auth service has substituted its ${clientid}. */
    private static AccessPolicy ownTopicsOf(String clientId) {
        return new AccessPolicy(List.of(allow(Action.ALL, "devices/" + clientId + "/#")));
    }

    @Test
    void deviceMayPublishAndSubscribeUnderItsOwnSubstitutedTopic() {
        AccessPolicy policy = ownTopicsOf("dev-1");
        assertThat(policy.mayPublish("devices/dev-1/temperature")).isTrue();
        assertThat(policy.maySubscribe("devices/dev-1/#")).isTrue();
        assertThat(policy.maySubscribe("devices/dev-1/+/state")).isTrue();
    }

    @Test
    void anotherDevicesTopicIsDenied() {
        AccessPolicy policy = ownTopicsOf("dev-1");
        assertThat(policy.mayPublish("devices/dev-2/temperature")).isFalse();
        assertThat(policy.maySubscribe("devices/dev-2/#")).isFalse();
    }

    @Test
    void wildcardSubscriptionsWiderThanAnyRuleAreDenied() {
        AccessPolicy policy = ownTopicsOf("dev-1");
        assertThat(policy.maySubscribe("#")).isFalse();
        assertThat(policy.maySubscribe("+/dev-1/#")).isFalse();
        assertThat(policy.maySubscribe("devices/+/temperature")).isFalse();
        assertThat(policy.maySubscribe("devices/#")).isFalse();
    }

    @Test
    void systemTopicsAreDeniedWithoutARuleNamingThem() {
        AccessPolicy policy = new AccessPolicy(List.of(allow(Action.ALL, "#")));
        assertThat(policy.maySubscribe("$SYS/#")).isFalse();
        assertThat(policy.mayPublish("$SYS/broker/load")).isFalse();
        assertThat(policy.maySubscribe("sensors/#")).isTrue();
    }

    @Test
    void sharedSubscriptionIsJudgedByTheFilterInside() {
        AccessPolicy policy = ownTopicsOf("dev-1");
        assertThat(policy.maySubscribe("$share/g/devices/dev-1/#")).isTrue();
        assertThat(policy.maySubscribe("$share/g/#")).isFalse();
        assertThat(policy.maySubscribe("$share/g/devices/dev-2/x")).isFalse();
        assertThat(policy.maySubscribe("$share//devices/dev-1/x")).isFalse();
        assertThat(policy.maySubscribe("$share/g/")).isFalse();
    }

    @Test
    void publishingToAWildcardLookingTopicIsDenied() {
        AccessPolicy policy = new AccessPolicy(List.of(allow(Action.ALL, "#")));
        assertThat(policy.mayPublish("devices/+/x")).isFalse();
        assertThat(policy.mayPublish("devices/#")).isFalse();
    }

    @Test
    void firstMatchingRuleWins() {
        AccessPolicy denyFirst = new AccessPolicy(List.of(
                deny(Action.PUBLISH, "devices/dev-1/admin"), allow(Action.ALL, "devices/dev-1/#")));
        assertThat(denyFirst.mayPublish("devices/dev-1/admin")).isFalse();
        assertThat(denyFirst.mayPublish("devices/dev-1/data")).isTrue();

        AccessPolicy allowFirst = new AccessPolicy(List.of(
                allow(Action.ALL, "devices/dev-1/#"), deny(Action.PUBLISH, "devices/dev-1/admin")));
        assertThat(allowFirst.mayPublish("devices/dev-1/admin")).isTrue();
    }

    @Test
    void ruleForAnotherActionDoesNotMatch() {
        AccessPolicy policy = new AccessPolicy(List.of(allow(Action.PUBLISH, "telemetry/#")));
        assertThat(policy.mayPublish("telemetry/a")).isTrue();
        assertThat(policy.maySubscribe("telemetry/a")).isFalse();
    }

    @Test
    void noMatchingRuleDenies() {
        assertThat(new AccessPolicy(List.of()).mayPublish("a/b")).isFalse();
        assertThat(new AccessPolicy(List.of()).maySubscribe("a/b")).isFalse();
    }

    @Test
    void wildcardSubscriptionOverlappingADeniedTopicIsDeniedEvenIfAllowedLater() {
        AccessPolicy policy = new AccessPolicy(List.of(
                deny(Action.SUBSCRIBE, "devices/dev-1/secret"), allow(Action.ALL, "devices/dev-1/#")));
        assertThat(policy.maySubscribe("devices/dev-1/#")).isFalse();
        assertThat(policy.maySubscribe("$share/g/devices/dev-1/+")).isFalse();
        assertThat(policy.maySubscribe("devices/dev-1/public")).isTrue();
    }
}
