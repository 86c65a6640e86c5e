package io.starlingmq.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.starlingmq.launcher.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Starts a TestRouter on a free port and points the gateway (on another free port) at it. */
public final class TestRouterResource implements QuarkusTestResourceLifecycleManager {

    public static final int MAX_CLIENT_ID_LENGTH = 64;
    public static final int MAX_PACKET_SIZE = 64 * 1024;
    public static final int MAX_TOPIC_LEVELS = 8;
    public static final int MAX_TOPIC_LENGTH = 100;
    public static final int MAX_KEEP_ALIVE = 300;
    public static final int OUTBOUND_ALIASES = 3;

    private TestRouter router;

    @Override
    public Map<String, String> start() {
        try {
            router = new TestRouter();
            int routerPort = FreePort.find();
            router.start(routerPort);
            return Map.ofEntries(
                    Map.entry("starling.gateway.routers", "localhost:" + routerPort),
                    Map.entry("starling.gateway.mqtt.host", "127.0.0.1"),
                    Map.entry("starling.gateway.mqtt.port", Integer.toString(FreePort.find())),
                    Map.entry("starling.gateway.open-timeout", "1s"),
                    // short, so the test of a silent connection is quick, but room for a first TLS handshake with a
                    // client certificate on a loaded two-core host (it once took over 2 s in a full build)
                    Map.entry("starling.gateway.connect-timeout", "5s"),
                    Map.entry("starling.gateway.max-client-id-length", Integer.toString(MAX_CLIENT_ID_LENGTH)),
                    Map.entry("starling.gateway.max-packet-size", Integer.toString(MAX_PACKET_SIZE)),
                    Map.entry("starling.gateway.drain.window", "0s"),
                    Map.entry("starling.gateway.drain.timeout", "2s"),
                    Map.entry("starling.gateway.max-topic-levels", Integer.toString(MAX_TOPIC_LEVELS)),
                    Map.entry("starling.gateway.max-topic-length", Integer.toString(MAX_TOPIC_LENGTH)),
                    Map.entry("starling.gateway.max-keep-alive", Integer.toString(MAX_KEEP_ALIVE)),
                    Map.entry("starling.gateway.outbound-topic-aliases.maximum", Integer.toString(OUTBOUND_ALIASES)),
                    // SmallRye Config expands ${...} itself: $$ keeps the placeholder for the gateway.
                    Map.entry("starling.gateway.response-information", "responses/$${clientid}"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(router, new TestInjector.MatchesType(TestRouter.class));
    }

    @Override
    public void stop() {
        try {
            router.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
