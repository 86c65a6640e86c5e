package io.starlingmq.auth.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Points the service at the shared PostgreSQL, Keycloak and test issuer. The servers outlive this
 * resource (one per JVM, stopped by shutdown hooks), so {@link #stop()} has nothing to do.
 */
public class AuthServicesResource implements QuarkusTestResourceLifecycleManager {

    public static final String TEST_AUDIENCE = "starling-test";

    @Override
    public Map<String, String> start() {
        Map<String, String> postgres = PostgresServer.shared();
        Map<String, String> keycloak = KeycloakServer.shared();
        Map<String, String> issuer = TestIssuerServer.shared();
        String pg = "127.0.0.1:" + postgres.get("port") + "/postgres";
        String realm = keycloak.get("url") + "/realms/starling";
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.reactive.url", "postgresql://" + pg);
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + pg);
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "trusted");
        config.put("quarkus.oidc.auth-server-url", realm);
        config.put("starling.auth.jwt.issuers.keycloak.discovery-url", realm + "/.well-known/openid-configuration");
        config.put("starling.auth.jwt.issuers.test.discovery-url", issuer.get("issuer") + "/.well-known/openid-configuration");
        config.put("starling.auth.jwt.issuers.test.audience", TEST_AUDIENCE);
        config.put("starling.auth.jwt.issuers.test.algorithms", "RS256,ES256,PS256");
        // Tests rotate keys back to back; the rate limit itself is covered by RefreshThrottleTest.
        config.put("starling.auth.jwt.min-refresh-interval", "0s");
        config.put("starling.auth.password.iterations", "1000");
        config.put("starling.test.keycloak.url", keycloak.get("url"));
        config.put("starling.test.issuer.url", issuer.get("issuer"));
        config.put("starling.test.issuer.dir", issuer.get("dir"));
        return config;
    }

    @Override
    public void stop() {
        // The servers are shared by every test class of the run; shutdown hooks stop them.
    }
}
