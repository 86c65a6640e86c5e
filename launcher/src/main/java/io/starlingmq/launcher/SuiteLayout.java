package io.starlingmq.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the repository keeps what a launch needs: the packaged parts, the certificate script, the realm, and
 * the servers from Maven Central that the module local-servers lays out.
 */
public record SuiteLayout(Path root) {

    public SuiteLayout {
        root = root.toAbsolutePath().normalize();
    }

    /** The packaged app of {@code part}; fails, saying how to build it, when it is missing. */
    public Path jar(StarlingPart part) {
        Path jar = root.resolve(part.jar());
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + ": build it first (./mvnw -B package -DskipTests -pl "
                    + part.module() + " -am)");
        }
        return jar;
    }

    /** Kafka's jars (broker, storage tool, console clients), one classpath; fails, saying how to build it, when missing. */
    public Path kafkaLibs() {
        return localServer("kafka/libs");
    }

    /** S3Proxy's jar with its dependencies; fails, saying how to build it, when missing. */
    public Path s3ProxyJar() {
        return localServer("s3proxy/s3proxy.jar");
    }

    private Path localServer(String path) {
        Path built = root.resolve("local-servers/target").resolve(path);
        if (!Files.exists(built)) {
            throw new IllegalStateException("missing " + built + ": build it first (./mvnw -B package -pl local-servers)");
        }
        return built;
    }

    /** The gateway's script that makes a local CA and server certificate. */
    public Path devCertificatesScript() {
        return root.resolve("gateway/src/main/scripts/dev-certs.sh");
    }

    /** The Keycloak realm the auth service is built and tested against. */
    public Path realmFile() {
        return root.resolve("k8s/base/keycloak/starling-realm.json");
    }
}
