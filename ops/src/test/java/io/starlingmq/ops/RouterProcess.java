package io.starlingmq.ops;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.starlingmq.launcher.FreePort;
import io.starlingmq.launcher.JavaService;
import io.starlingmq.launcher.ProcessSession;
import io.starlingmq.launcher.RouterEnvironment;
import io.starlingmq.launcher.RunningPart;
import io.starlingmq.launcher.StarlingPart;
import io.starlingmq.launcher.SuiteLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real router (its packaged app, in-memory store, no periodic $SYS messages) for ops's tests, and a second router address where
 * nothing listens; ops is configured with both, and with an API key file of one admin and one viewer key.
 */
public class RouterProcess implements QuarkusTestResourceLifecycleManager {

    public static final String ADMIN_KEY = "ops-test-admin";
    public static final String ADMIN_SECRET = "admin-secret-0123456789";
    public static final String VIEWER_KEY = "ops-test-viewer";
    public static final String VIEWER_SECRET = "viewer-secret-0123456789";

    private static final Path ROOT = Path.of(System.getProperty("starling.root", ".."));

    static int routerPort;
    static int deadRouterPort;
    private RunningPart router;

    @Override
    public Map<String, String> start() {
        routerPort = FreePort.find();
        deadRouterPort = FreePort.find();
        try {
            Path logs = ROOT.resolve("ops/target/test-logs");
            router = new JavaService("router", new SuiteLayout(ROOT).jar(StarlingPart.ROUTER), JavaService.currentJava(),
                    List.of(), routerEnvironment(), routerPort)
                    .start(logs, Duration.ofSeconds(60), ProcessSession.SHARED);
            Path keys = Files.createTempFile("ops-api-keys", ".txt");
            Files.writeString(keys, "# test keys\n" + ADMIN_KEY + ":" + ADMIN_SECRET + "\n"
                    + VIEWER_KEY + ":" + VIEWER_SECRET + ":viewer\n");
            return Map.of("starling.ops.routers", "127.0.0.1:" + routerPort + ",127.0.0.1:" + deadRouterPort,
                    "starling.ops.router-timeout", "1s",
                    "starling.ops.monitor.interval", "1s",
                    "starling.ops.api-keys.bootstrap-file", keys.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The in-memory store, and no periodic $SYS messages: the counters then move only with what the tests do. */
    private static Map<String, String> routerEnvironment() {
        Map<String, String> env = new java.util.LinkedHashMap<>(RouterEnvironment.memoryStore());
        env.put("STARLING_ROUTER_SYS_INTERVAL", "0s");
        return env;
    }

    @Override
    public void stop() {
        if (router != null) {
            router.close();
        }
    }
}
