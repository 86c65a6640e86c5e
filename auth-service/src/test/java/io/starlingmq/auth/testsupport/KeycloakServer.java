package io.starlingmq.auth.testsupport;

import io.starlingmq.launcher.FreePort;
import io.starlingmq.launcher.ManagedProcess;
import io.starlingmq.launcher.ProcessSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Keycloak from its Maven Central distribution (unpacked into target/ by the build), started by the
 * launcher's {@link io.starlingmq.launcher.KeycloakServer} in dev mode with the repository's realm
 * imported, once per JVM and stopped by a shutdown hook.
 */
final class KeycloakServer {

    private KeycloakServer() {
    }

    static Map<String, String> shared() {
        return JvmSingletons.get("keycloak", KeycloakServer::start);
    }

    private static Map<String, String> start() {
        io.starlingmq.launcher.KeycloakServer keycloak = new io.starlingmq.launcher.KeycloakServer(
                Path.of(required("starling.test.keycloak.home")), Path.of(required("starling.test.realm.file")),
                FreePort.find(), FreePort.find(), "bootstrap-admin", "bootstrap-admin",
                Path.of(System.getProperty("java.home")));
        try {
            ManagedProcess process = keycloak.start(ProcessLogs.file("keycloak"), ProcessSession.SHARED);
            Runtime.getRuntime().addShutdownHook(new Thread(process::close));
            return Map.of("url", keycloak.url());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Keycloak", e);
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
