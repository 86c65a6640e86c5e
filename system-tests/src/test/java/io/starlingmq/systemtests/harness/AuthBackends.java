package io.starlingmq.systemtests.harness;

import io.starlingmq.auth.testsupport.AuthServicesResource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The auth service's backing servers: a private PostgreSQL and Keycloak with the repository's realm,
 * started once per test JVM by the auth service's own test support (its test-jar) and shared by every
 * test class. The Maven build sets the Keycloak home and realm file it reads.
 */
public final class AuthBackends {

    private static final String REALM = "starling";

    private final Map<String, String> config;

    private AuthBackends(Map<String, String> config) {
        this.config = config;
    }

    /** Starts the servers on first use; later calls return the running ones. */
    public static synchronized AuthBackends shared() {
        return new AuthBackends(new AuthServicesResource().start());
    }

    /** Base URL of the realm the devices get their tokens from, e.g. {@code http://127.0.0.1:port/realms/starling}. */
    public String realmUrl() {
        return keycloakUrl() + "/realms/" + REALM;
    }

    /** Keycloak's base URL, e.g. {@code http://127.0.0.1:port}. */
    public String keycloakUrl() {
        return config.get("starling.test.keycloak.url");
    }

    /** The environment the packaged auth service reads (see its application.properties). */
    public Map<String, String> authServiceEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("STARLING_AUTH_DB_USER", config.get("quarkus.datasource.username"));
        env.put("STARLING_AUTH_DB_PASSWORD", config.get("quarkus.datasource.password"));
        env.put("STARLING_AUTH_DB_REACTIVE_URL", config.get("quarkus.datasource.reactive.url"));
        env.put("STARLING_AUTH_DB_JDBC_URL", config.get("quarkus.datasource.jdbc.url"));
        env.put("STARLING_AUTH_OIDC_URL", realmUrl());
        env.put("STARLING_AUTH_KEYCLOAK_URL", realmUrl());
        // An unknown device costs a decoy hash; at the production cost (600000 PBKDF2 iterations, and the
        // apps run with C1 only) that can outlast the gateway's 2 s auth timeout. Hash cost is not under test here.
        env.put("STARLING_AUTH_PASSWORD_ITERATIONS", config.get("starling.auth.password.iterations"));
        return env;
    }
}
