package io.starlingmq.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keycloak from its distribution zip (unpacked beforehand into {@code home}), in dev mode on 127.0.0.1 with
 * a realm imported, ready once its management port reports {@code /health/ready}. The distribution comes
 * from Maven Central: the build unpacks it for the tests, {@code ./starling up --keycloak} fetches it.
 *
 * @param home the unpacked distribution, with {@code bin/kc.sh}
 * @param realmFile the realm to import, e.g. {@code k8s/base/keycloak/starling-realm.json}
 * @param adminUser the bootstrap administrator of the master realm
 * @param javaHome the JDK Keycloak runs on
 */
public record KeycloakServer(Path home, Path realmFile, int httpPort, int managementPort, String adminUser,
                             String adminPassword, Path javaHome) {

    /** The first start builds Keycloak's server image, which takes about a minute on two cores. */
    public static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    /** Heap sizes measured to be enough for a realm of a few users; the options stay fixed to avoid rebuilds. */
    private static final String HEAP = "-Xms32m -Xmx192m";
    private static final String JIT = "-XX:TieredStopAtLevel=1";

    /** Starts it and waits until it is ready, at most {@link #READY_TIMEOUT}. */
    public ManagedProcess start(Path log, ProcessSession session) throws IOException, InterruptedException {
        return start(log, session, READY_TIMEOUT);
    }

    /** Starts it and waits until it is ready, at most {@code readyTimeout}. */
    public ManagedProcess start(Path log, ProcessSession session, Duration readyTimeout)
            throws IOException, InterruptedException {
        Path kc = home.resolve("bin/kc.sh");
        if (!Files.isExecutable(kc)) {
            throw new IllegalStateException("no Keycloak distribution in " + home + " (missing bin/kc.sh)");
        }
        KeycloakRealmImport.prepare(home, realmFile);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_HOME", javaHome.toString());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUser);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        env.put("JAVA_OPTS_KC_HEAP", HEAP);
        env.put("JAVA_OPTS_APPEND", JIT);
        ManagedProcess process = ManagedProcess.start("keycloak", List.of(kc.toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + httpPort, "--http-management-port=" + managementPort,
                "--health-enabled=true", "--import-realm"), env, log, session);
        process.awaitReady(Readiness.httpOk(managementUrl() + "/health/ready"), readyTimeout);
        return process;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8280}. */
    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String realmUrl(String realm) {
        return url() + "/realms/" + realm;
    }

    private String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }
}
