package io.starlingmq.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/** Starts a TestRouter on a free port and points the gateway (on another free port) at it. */
public final class TestRouterResource implements QuarkusTestResourceLifecycleManager {

    public static final int MAX_CLIENT_ID_LENGTH = 64;
    public static final int MAX_PACKET_SIZE = 64 * 1024;

    private TestRouter router;

    @Override
    public Map<String, String> start() {
        try {
            router = new TestRouter();
            int routerPort = freePort();
            router.start(routerPort);
            return Map.of(
                    "starling.gateway.routers", "localhost:" + routerPort,
                    "starling.gateway.mqtt.host", "127.0.0.1",
                    "starling.gateway.mqtt.port", Integer.toString(freePort()),
                    "starling.gateway.open-timeout", "1s",
                    "starling.gateway.connect-timeout", "2s",
                    "starling.gateway.max-client-id-length", Integer.toString(MAX_CLIENT_ID_LENGTH),
                    "starling.gateway.max-packet-size", Integer.toString(MAX_PACKET_SIZE),
                    "starling.gateway.drain-timeout", "2s");
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
