package io.starlingmq.ops;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.starlingmq.launcher.FreePort;
import io.starlingmq.launcher.JavaService;
import io.starlingmq.launcher.ProcessSession;
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
 * A real bridge (its packaged app) with one archive rule whose MQTT side has nothing to reach, so the rule is
 * listed DOWN with its reason, and a second bridge address where nothing listens; ops is configured with both.
 */
public class BridgeProcess implements QuarkusTestResourceLifecycleManager {

    private static final Path ROOT = Path.of(System.getProperty("starling.root", ".."));

    static int bridgePort;
    static int deadBridgePort;
    private RunningPart bridge;

    @Override
    public Map<String, String> start() {
        bridgePort = FreePort.find();
        deadBridgePort = FreePort.find();
        try {
            Path rules = Files.createTempFile("bridge-rules", ".properties");
            Files.writeString(rules, """
                    starling.bridge.rules.meters.kind=mqtt-to-s3
                    starling.bridge.rules.meters.filter=meters/#
                    starling.bridge.rules.meters.bucket=archive
                    """);
            Map<String, String> env = Map.of("QUARKUS_CONFIG_LOCATIONS", rules.toString(),
                    "STARLING_BRIDGE_MQTT_PORT", Integer.toString(FreePort.find()));
            // Alive is enough: its one rule stays DOWN (nothing to connect to), which is what the test reads.
            bridge = new JavaService("bridge", new SuiteLayout(ROOT).jar(StarlingPart.BRIDGE), JavaService.currentJava(),
                    List.of(), env, bridgePort)
                    .start(ROOT.resolve("ops/target/test-logs"), Duration.ofSeconds(60), ProcessSession.SHARED,
                            "/q/health/live");
            return Map.of("starling.ops.bridges.urls",
                    "http://127.0.0.1:" + bridgePort + ",http://127.0.0.1:" + deadBridgePort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (bridge != null) {
            bridge.close();
        }
    }
}
