package io.starlingmq.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.starlingmq.k8s.NetworkPolicies.Endpoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The evaluator on its own, one NetworkPolicy rule at a time. */
class NetworkPolicyEvaluatorTest {
    static final Endpoint WEB = Endpoint.pod("web", "app", Map.of(), Map.of("role", "web"), Map.of("http", 8080), "10.0.0.1");
    static final Endpoint DB = Endpoint.pod("db", "app", Map.of(), Map.of("role", "db"), Map.of("pg", 5432), "10.0.0.2");
    static final Endpoint OTHER_NS = Endpoint.pod("web elsewhere", "other", Map.of("team", "x"), Map.of("role", "web"),
            Map.of(), "10.0.1.1");
    static final Endpoint OUTSIDE = Endpoint.outside("outside", "203.0.113.9");

    static NetworkPolicies policies(String yaml) {
        return new NetworkPolicies(Manifests.parse(yaml, "test").stream().map(NetworkPolicy.class::cast).toList(), "app");
    }

    static String policy(String name, String spec) {
        return "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: " + name
                + ", namespace: app}\nspec:\n" + spec + "\n";
    }

    static final String DENY_ALL = policy("deny", "  podSelector: {}\n  policyTypes: [Ingress, Egress]");

    @Test
    void withoutPoliciesEverythingIsAllowed() {
        NetworkPolicies np = new NetworkPolicies(List.of(), "app");
        assertThat(np.allowed(WEB, DB, 5432, "TCP")).isTrue();
        assertThat(np.allowed(OUTSIDE, DB, 1, "UDP")).isTrue();
    }

    @Test
    void defaultDenyDeniesBothWays() {
        NetworkPolicies np = policies(DENY_ALL);
        assertThat(np.allowed(WEB, DB, 5432, "TCP")).isFalse();
        assertThat(np.allowed(OUTSIDE, WEB, 8080, "TCP")).isFalse();
        assertThat(np.allowed(WEB, OUTSIDE, 443, "TCP")).isFalse();
    }

    @Test
    void aFlowNeedsTheSourcesEgressAndTheDestinationsIngress() {
        String ingress = policy("db-in", "  podSelector: {matchLabels: {role: db}}\n  ingress:\n"
                + "    - from: [{podSelector: {matchLabels: {role: web}}}]\n      ports: [{port: pg}]");
        String egress = policy("web-out", "  podSelector: {matchLabels: {role: web}}\n  policyTypes: [Egress]\n  egress:\n"
                + "    - to: [{podSelector: {matchLabels: {role: db}}}]\n      ports: [{port: 5432}]");
        assertThat(policies(DENY_ALL + ingress).allowed(WEB, DB, 5432, "TCP")).isFalse();
        assertThat(policies(DENY_ALL + egress).allowed(WEB, DB, 5432, "TCP")).isFalse();
        NetworkPolicies both = policies(DENY_ALL + ingress + egress);
        assertThat(both.allowed(WEB, DB, 5432, "TCP")).isTrue();
        assertThat(both.allowed(WEB, DB, 5433, "TCP")).isFalse();
        assertThat(both.allowed(WEB, DB, 5432, "UDP")).isFalse();
        assertThat(both.allowed(DB, WEB, 8080, "TCP")).isFalse();
    }

    @Test
    void aPodSelectorAloneMeansThePolicysNamespace() {
        NetworkPolicies np = policies(policy("web-in", "  podSelector: {matchLabels: {role: web}}\n  ingress:\n"
                + "    - from: [{podSelector: {}}]"));
        assertThat(np.allowed(DB, WEB, 8080, "TCP")).isTrue();
        assertThat(np.allowed(OTHER_NS, WEB, 8080, "TCP")).isFalse();
        assertThat(np.allowed(OUTSIDE, WEB, 8080, "TCP")).isFalse();
    }

    @Test
    void namespaceSelectorAloneOrWithAPodSelector() {
        NetworkPolicies alone = policies(policy("web-in", "  podSelector: {matchLabels: {role: web}}\n  ingress:\n"
                + "    - from: [{namespaceSelector: {matchLabels: {team: x}}}]"));
        assertThat(alone.allowed(OTHER_NS, WEB, 8080, "TCP")).isTrue();
        assertThat(alone.allowed(DB, WEB, 8080, "TCP")).isFalse();
        NetworkPolicies byName = policies(policy("web-in", "  podSelector: {matchLabels: {role: web}}\n  ingress:\n"
                + "    - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: other}},"
                + " podSelector: {matchLabels: {role: db}}}]"));
        assertThat(byName.allowed(OTHER_NS, WEB, 8080, "TCP")).isFalse();
        Endpoint dbElsewhere = Endpoint.pod("db elsewhere", "other", Map.of(), Map.of("role", "db"), Map.of(), "10.0.1.2");
        assertThat(byName.allowed(dbElsewhere, WEB, 8080, "TCP")).isTrue();
    }

    @Test
    void ipBlocksWithExceptionsAndPortRanges() {
        NetworkPolicies np = policies(policy("web-in", "  podSelector: {matchLabels: {role: web}}\n  ingress:\n"
                + "    - from: [{ipBlock: {cidr: 0.0.0.0/0, except: [203.0.113.0/28]}}]\n"
                + "      ports: [{port: 8000, endPort: 8100}]"));
        assertThat(np.allowed(Endpoint.outside("far", "198.51.100.1"), WEB, 8080, "TCP")).isTrue();
        assertThat(np.allowed(Endpoint.outside("far", "198.51.100.1"), WEB, 8101, "TCP")).isFalse();
        assertThat(np.allowed(OUTSIDE, WEB, 8080, "TCP")).isFalse();
    }

    @Test
    void aPolicyWithoutPolicyTypesIsolatesEgressOnlyWhenItHasEgressRules() {
        NetworkPolicies ingressOnly = policies(policy("web", "  podSelector: {matchLabels: {role: web}}\n  ingress: []"));
        assertThat(ingressOnly.allowed(WEB, DB, 5432, "TCP")).isTrue();
        assertThat(ingressOnly.allowed(DB, WEB, 8080, "TCP")).isFalse();
        NetworkPolicies withEgress = policies(policy("web", "  podSelector: {matchLabels: {role: web}}\n  egress:\n"
                + "    - ports: [{port: 53, protocol: UDP}]"));
        assertThat(withEgress.allowed(WEB, DB, 5432, "TCP")).isFalse();
        assertThat(withEgress.allowed(WEB, OUTSIDE, 53, "UDP")).isTrue();
    }

    @Test
    void aNamedPortNeverMatchesAPodWithoutThatName() {
        NetworkPolicies np = policies(policy("db-in", "  podSelector: {matchLabels: {role: db}}\n  ingress:\n"
                + "    - ports: [{port: http}]"));
        assertThat(np.allowed(WEB, DB, 8080, "TCP")).isFalse();
    }
}
