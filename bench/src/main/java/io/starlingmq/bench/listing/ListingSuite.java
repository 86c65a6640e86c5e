package io.starlingmq.bench.listing;

import io.starlingmq.bench.brokers.StarlingSettings;
import io.starlingmq.launcher.FreePort;
import io.starlingmq.launcher.GatewayEnvironment;
import io.starlingmq.launcher.JavaService;
import io.starlingmq.launcher.ProcessSession;
import io.starlingmq.launcher.RedisPersistence;
import io.starlingmq.launcher.RedisServer;
import io.starlingmq.launcher.RouterEnvironment;
import io.starlingmq.launcher.RunningPart;
import io.starlingmq.launcher.StarlingPart;
import io.starlingmq.launcher.StartedProcesses;
import io.starlingmq.launcher.SuiteLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Redis (AOF everysec), one router on it, one gateway and ops with one admin API key: what a listing goes through. */
final class ListingSuite implements AutoCloseable {

    static final String KEY = "bench-listing";
    static final String SECRET = "bench-listing-secret-0123456789abcdef";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final StartedProcesses started = new StartedProcesses();
    private RunningPart router;
    private int mqttPort;
    private int opsPort;

    static ListingSuite start(Path repo, Path javaHome, Path work, StarlingSettings settings)
            throws IOException, InterruptedException {
        ListingSuite suite = new ListingSuite();
        try {
            suite.startAll(new SuiteLayout(repo), javaHome, work, settings);
        } catch (IOException | InterruptedException | RuntimeException e) {
            suite.close();
            throw e;
        }
        return suite;
    }

    private void startAll(SuiteLayout layout, Path javaHome, Path work, StarlingSettings settings)
            throws IOException, InterruptedException {
        Path logs = work.resolve("logs");
        Path java = javaHome.resolve("bin/java");
        RedisServer redis = started.add(RedisServer.start(FreePort.find(), work.resolve("redis"),
                RedisPersistence.APPEND_ONLY_EVERY_SECOND, logs.resolve("redis.log"), ProcessSession.SHARED));
        int routerPort = FreePort.find();
        router = start(new JavaService("router", layout.jar(StarlingPart.ROUTER), java, settings.jvmFlags(),
                RouterEnvironment.redisStore(redis.uri()), routerPort), logs);
        mqttPort = FreePort.find();
        start(new JavaService("gateway", layout.jar(StarlingPart.GATEWAY), java, settings.jvmFlags(),
                new GatewayEnvironment(mqttPort, List.of(routerPort)).toMap(), FreePort.find()), logs);
        Path keys = work.resolve("api-keys");
        Files.writeString(keys, KEY + ":" + SECRET + "\n");
        opsPort = FreePort.find();
        start(new JavaService("ops", layout.jar(StarlingPart.OPS), java, settings.jvmFlags(),
                Map.of("STARLING_OPS_ROUTERS", "127.0.0.1:" + routerPort,
                        "STARLING_OPS_API_KEYS_BOOTSTRAP_FILE", keys.toString()), opsPort), logs);
    }

    private RunningPart start(JavaService service, Path logs) throws IOException, InterruptedException {
        return started.add(service.start(logs, READY_TIMEOUT, ProcessSession.SHARED));
    }

    int mqttPort() {
        return mqttPort;
    }

    int opsPort() {
        return opsPort;
    }

    long routerPid() {
        return router.pid();
    }

    @Override
    public void close() {
        started.close();
    }
}
