package io.starlingmq.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every STARLING_* / QUARKUS_* variable and every mounted property the manifests set is a key the app reads. */
class ConfigKeysTest {

    static Stream<Path> suites() {
        return Repo.suites().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void everyKeySetForAnAppIsOneItReads(Path suite) {
        assertThat(ConfigKeysCheck.faults(Suite.of(suite))).isEmpty();
    }

    @Test
    void theConfigMappingsOfEachAppAreFound() {
        assertThat(ConfigKeys.of(App.GATEWAY).mappings).containsExactlyInAnyOrder(
                "io.starlingmq.gateway.config.GatewayConfig", "io.starlingmq.gateway.config.TransportConfig",
                "io.starlingmq.gateway.auth.AuthConfig", "io.starlingmq.gateway.podcost.PodDeletionCostConfig");
        assertThat(ConfigKeys.of(App.ROUTER).mappings).containsExactlyInAnyOrder(
                "io.starlingmq.router.config.RouterConfig", "io.starlingmq.router.sys.SysConfig",
                "io.starlingmq.router.delayed.DelayedConfig");
        assertThat(ConfigKeys.of(App.AUTH_SERVICE).mappings).containsExactly("io.starlingmq.auth.config.AuthConfig");
        assertThat(ConfigKeys.of(App.OPS).mappings).containsExactly("io.starlingmq.ops.config.OpsConfig");
        assertThat(ConfigKeys.of(App.BRIDGE).mappings).containsExactly("io.starlingmq.bridge.config.BridgeConfig");
    }

    @Test
    void theBridgeStillReadsItsRulesUnderTheirPrefix() {
        // App.BRIDGE.rulesPrefix exempts these keys from the mapping check; the packaged bridge must still use it.
        assertThat(ConfigKeys.of(App.BRIDGE).rulesPrefixReaders).as("classes of the bridge naming %s",
                App.BRIDGE.rulesPrefix).isNotEmpty();
    }

    @Test
    void keysAreMatchedAsSmallRyeMatchesThem() {
        ConfigKeys gateway = ConfigKeys.of(App.GATEWAY);
        assertThat(gateway.readsEnv("STARLING_GATEWAY_MAX_INFLIGHT")).isTrue();
        assertThat(gateway.readsEnv("STARLING_GATEWAY_TLS_CERT_FILE")).isTrue();
        assertThat(gateway.readsEnv("STARLING_GATEWAY_OUTBOUND_TOPIC_ALIASES_MAXIMUM")).isTrue();
        assertThat(gateway.readsEnv("STARLING_GATEWAY_AUTH_URL")).isTrue();
        assertThat(gateway.readsEnv("QUARKUS_HTTP_PORT")).isTrue();
        assertThat(gateway.readsEnv("QUARKUS_LOG_CATEGORY__IO_NETTY__LEVEL")).isTrue();
        assertThat(gateway.readsEnv("STARLING_GATEWAY_MAX_INFLIGT")).isFalse();
        assertThat(gateway.readsEnv("STARLING_ROUTER_STORE")).isFalse();
        assertThat(gateway.readsEnv("QUARKUS_DATASOURCE_USERNAME")).isFalse();
        assertThat(gateway.readsProperty("%prod.starling.gateway.link.queue-size")).isTrue();
        assertThat(gateway.readsProperty("quarkus.log.category.\"io.grpc\".level")).isTrue();
        ConfigKeys auth = ConfigKeys.of(App.AUTH_SERVICE);
        assertThat(auth.readsEnv("STARLING_AUTH_JWT_ISSUERS_KEYCLOAK_DISCOVERY_URL")).isTrue();
        assertThat(auth.readsEnv("STARLING_AUTH_DB_REACTIVE_URL")).isTrue();
        assertThat(auth.readsEnv("QUARKUS_DATASOURCE_REACTIVE_URL")).isTrue();
        assertThat(auth.readsEnv("QUARKUS_OIDC_AUTH_SERVER_URL")).isTrue();
        assertThat(auth.readsProperty("starling.auth.jwt.issuers.corp.audience")).isTrue();
        assertThat(auth.readsProperty("starling.auth.jwt.issuers.corp.audiense")).isFalse();
        ConfigKeys router = ConfigKeys.of(App.ROUTER);
        assertThat(router.readsEnv("QUARKUS_REDIS_HOSTS")).isTrue();
        assertThat(router.readsEnv("STARLING_ROUTER_SHARED_SUBSCRIPTION_STRATEGY")).isTrue();
        assertThat(router.readsEnv("STARLING_ROUTER_DELAYED_MAX_PENDING")).isTrue();
        ConfigKeys ops = ConfigKeys.of(App.OPS);
        assertThat(ops.readsEnv("STARLING_OPS_ROUTERS")).isTrue();
        assertThat(ops.readsEnv("STARLING_OPS_API_KEYS_BOOTSTRAP_FILE")).isTrue();
        assertThat(ops.readsEnv("STARLING_OPS_OIDC_AUTH_SERVER_URL")).isTrue();
        assertThat(ops.readsEnv("STARLING_OPS_MONITOR_RETENTION")).isTrue();
        assertThat(ops.readsEnv("QUARKUS_DATASOURCE_REACTIVE_URL")).isTrue();
        assertThat(ops.readsEnv("QUARKUS_DATASOURCE_USERNAME")).isTrue();
        assertThat(ops.readsEnv("QUARKUS_DATASOURCE_PASSWORD")).isTrue();
        assertThat(ops.readsEnv("QUARKUS_DATASOURCE_JDBC_URL")).isFalse();
        assertThat(ops.readsEnv("STARLING_GATEWAY_ROUTERS")).isFalse();
        ConfigKeys bridge = ConfigKeys.of(App.BRIDGE);
        assertThat(bridge.readsEnv("STARLING_BRIDGE_INSTANCE")).isTrue();
        assertThat(bridge.readsEnv("STARLING_BRIDGE_STOP_TIMEOUT")).isTrue();
        assertThat(bridge.readsEnv("STARLING_BRIDGE_MQTT_HOST")).isTrue();
        assertThat(bridge.readsEnv("STARLING_BRIDGE_MQTT_SESSION_EXPIRY")).isTrue();
        assertThat(bridge.readsEnv("STARLING_BRIDGE_KAFKA_BOOTSTRAP_SERVERS")).isTrue();
        assertThat(bridge.readsEnv("STARLING_BRIDGE_KAFKA_PRODUCER_LINGER_MS")).isTrue();
        assertThat(bridge.readsEnv("STARLING_BRIDGE_S3_SECRET_KEY")).isTrue();
        assertThat(bridge.readsEnv("QUARKUS_CONFIG_LOCATIONS")).isTrue();
        assertThat(bridge.readsEnv("STARLING_BRIDGE_KAFKA_BOOTSTRAP_SERVER")).isFalse();
        assertThat(bridge.readsProperty("starling.bridge.rules.to-kafka.kind")).isFalse();
    }

    @Test
    void misspeltKeysAndMisplacedRulesFail() {
        Suite broken = Suite.ofFile(Repo.fixture("broken/config-keys/manifests.yaml"));
        assertThat(ConfigKeysCheck.faults(broken)).containsExactlyInAnyOrder(
                "Deployment gateway container gateway (starling-gateway): environment variable STARLING_GATEWAY_MAX_INFLIGT"
                        + " is not a key starling-gateway reads (did you mean STARLING_GATEWAY_MAX_INFLIGHT?)",
                "Deployment gateway container gateway (starling-gateway): property starling.gateway.mqtt.prot in a mounted"
                        + " properties file is not a key starling-gateway reads",
                "Deployment ops container ops (starling-ops): environment variable STARLING_OPS_OIDC_AUTH_SERVER_UR is not a"
                        + " key starling-ops reads (did you mean STARLING_OPS_OIDC_AUTH_SERVER_URL?)",
                "Deployment ops container ops (starling-ops): environment variable QUARKUS_DATASOURCE_JDBC_URL is not a key"
                        + " starling-ops reads (no extension it ships has it)",
                "StatefulSet bridge container bridge (starling-bridge): environment variable"
                        + " STARLING_BRIDGE_KAFKA_BOOTSTRAP_SERVER is not a key starling-bridge reads (did you mean"
                        + " STARLING_BRIDGE_KAFKA_BOOTSTRAP_SERVERS?)",
                "StatefulSet bridge container bridge (starling-bridge): environment variable"
                        + " STARLING_BRIDGE_RULES_TO_KAFKA_KIND sets a rule, but starling-bridge reads its rules"
                        + " (starling.bridge.rules.*) by their property names, from the file QUARKUS_CONFIG_LOCATIONS"
                        + " names, never from the environment",
                "StatefulSet bridge container bridge (starling-bridge): property starling.bridge.rules.kind is not"
                        + " starling.bridge.rules.<rule>.<key>, so starling-bridge refuses to start",
                "StatefulSet bridge container bridge (starling-bridge): /etc/starling/bridge/extra.properties holds rules"
                        + " (1 of the starling.bridge.rules.* properties), but QUARKUS_CONFIG_LOCATIONS does not name it (it"
                        + " names /etc/starling/bridge/rules.properties), so starling-bridge never reads them");
    }
}
