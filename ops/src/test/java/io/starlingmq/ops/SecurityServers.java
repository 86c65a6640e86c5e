package io.starlingmq.ops;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.starlingmq.launcher.FreePort;
import io.starlingmq.launcher.KeycloakServer;
import io.starlingmq.launcher.ManagedProcess;
import io.starlingmq.launcher.ProcessSession;
import io.starlingmq.testing.LocalPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A real PostgreSQL and a real Keycloak (the repository's realm imported) for ops: each started once per test JVM,
 * whatever the number of Quarkus restarts, and stopped by a shutdown hook. Ops gets the database, Keycloak's realm as
 * its issuer, and trusts X-Forwarded-For (the audit tests check the forwarded address is what is recorded).
 */
public class SecurityServers implements QuarkusTestResourceLifecycleManager {

    /** Where a started server's coordinates are kept: system properties are shared by Quarkus's class loaders. */
    private static final String PREFIX = "starling.test.ops.";

    @Override
    public Map<String, String> start() {
        String postgresPort = once("postgres", SecurityServers::startPostgres);
        String keycloakUrl = once("keycloak", SecurityServers::startKeycloak);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + postgresPort + "/postgres");
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "trusted");
        config.put("starling.ops.oidc.auth-server-url", keycloakUrl + "/realms/starling");
        config.put("quarkus.http.proxy.proxy-address-forwarding", "true");
        config.put("starling.test.keycloak.url", keycloakUrl);
        return config;
    }

    @Override
    public void stop() {
        // The servers serve every Quarkus start of the run; shutdown hooks stop them.
    }

    private static String once(String name, Supplier<String> start) {
        var properties = System.getProperties();
        synchronized (properties) {
            String started = properties.getProperty(PREFIX + name);
            if (started == null) {
                started = start.get();
                properties.setProperty(PREFIX + name, started);
            }
            return started;
        }
    }

    private static String startPostgres() {
        try {
            LocalPostgres postgres = LocalPostgres.start(log("postgres"));
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
            return String.valueOf(postgres.port());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting PostgreSQL", e);
        }
    }

    private static String startKeycloak() {
        KeycloakServer keycloak = new KeycloakServer(Path.of(required("starling.test.keycloak.home")),
                Path.of(required("starling.test.realm.file")), FreePort.find(), FreePort.find(), "bootstrap-admin",
                "bootstrap-admin", Path.of(System.getProperty("java.home")));
        try {
            ManagedProcess process = keycloak.start(log("keycloak"), ProcessSession.SHARED);
            Runtime.getRuntime().addShutdownHook(new Thread(process::close));
            return keycloak.url();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Keycloak", e);
        }
    }

    private static Path log(String name) {
        try {
            return Files.createDirectories(Path.of("target", "test-servers")).resolve(name + ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is set by the Maven build");
        }
        return value;
    }
}
