package io.starlingmq.auth.testsupport;

import static org.awaitility.Awaitility.await;

import io.starlingmq.testing.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Keycloak from its Maven Central distribution (unpacked into target/ by the build), in dev mode
 * with the repository's realm imported. Its H2 database is kept between runs and only dropped when
 * the realm file changed, because Keycloak silently skips importing an existing realm.
 */
final class KeycloakServer {

    private KeycloakServer() {
    }

    static Map<String, String> shared() {
        return JvmSingletons.get("keycloak", KeycloakServer::start);
    }

    private static Map<String, String> start() {
        try {
            Path home = Path.of(required("starling.test.keycloak.home"));
            Path realm = Path.of(required("starling.test.realm.file"));
            prepareRealm(home, realm);
            int httpPort = FreePort.find();
            int managementPort = FreePort.find();
            Path log = ProcessLogs.file("keycloak");
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + httpPort,
                    "--http-management-port=" + managementPort, "--health-enabled=true", "--import-realm")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "bootstrap-admin");
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "bootstrap-admin");
            env.put("JAVA_OPTS_KC_HEAP", "-Xms32m -Xmx192m");
            env.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
            URI ready = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
            await("Keycloak ready (log: " + log + ")").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .failFast(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("Keycloak exited:\n" + ProcessLogs.tail(log));
                        }
                    })
                    .until(() -> isUp(ready));
            return Map.of("url", "http://127.0.0.1:" + httpPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void prepareRealm(Path home, Path realm) throws IOException {
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        Path marker = home.resolve("data/imported-realm.sha256");
        String digest = sha256(Files.readAllBytes(realm));
        if (!Files.exists(marker) || !Files.readString(marker).equals(digest)) {
            deleteTree(home.resolve("data/h2"));
            Files.writeString(marker, digest);
        }
        Files.copy(realm, imports.resolve("starling-realm.json"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean isUp(URI ready) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
