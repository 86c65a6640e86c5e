package io.starlingmq.systemtests.harness;

import io.starlingmq.launcher.FreePort;
import io.starlingmq.launcher.ProcessSession;
import io.starlingmq.launcher.S3ProxyServer;
import io.starlingmq.launcher.SuiteLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The test JVM's S3-compatible store: the launcher's {@link S3ProxyServer} (local-servers' jar) on a free
 * port over an empty temporary folder, started on first use and stopped by a shutdown hook. Clients sign
 * with {@link #IDENTITY} and {@link #CREDENTIAL} (SigV4, path-style). Log:
 * {@code system-tests/target/test-servers/s3proxy.log}.
 */
public final class SharedS3 {

    public static final String IDENTITY = "starling-test";
    public static final String CREDENTIAL = "starling-test-secret";

    private static S3ProxyServer shared;

    private SharedS3() {
    }

    public static synchronized S3ProxyServer shared() {
        if (shared == null) {
            SuiteLayout layout = new SuiteLayout(Path.of(System.getProperty("starling.root", "..")));
            try {
                Path dir = Files.createTempDirectory("starling-s3");
                shared = S3ProxyServer.start(layout.s3ProxyJar(), FreePort.find(), dir, IDENTITY, CREDENTIAL,
                        layout.root().resolve("system-tests/target/test-servers/s3proxy.log"), ProcessSession.SHARED);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start S3Proxy", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting S3Proxy", e);
            }
            S3ProxyServer started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "s3proxy-stop"));
        }
        return shared;
    }
}
