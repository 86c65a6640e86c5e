package io.starlingmq.gateway.health;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.starlingmq.gateway.support.TestRouter;
import io.starlingmq.launcher.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A gateway configured with two routers: the first runs from the start, the second only when a test
 * starts it ({@link Routers#startSecond()}), on the port the gateway was told.
 */
public final class TwoRoutersResource implements QuarkusTestResourceLifecycleManager {

    private Routers routers;

    @Override
    public Map<String, String> start() {
        try {
            routers = new Routers(FreePort.find(), FreePort.find());
            routers.first.start(routers.firstPort);
            return Map.of(
                    "starling.gateway.routers", "localhost:" + routers.firstPort + ",localhost:" + routers.secondPort,
                    "starling.gateway.mqtt.host", "127.0.0.1",
                    "starling.gateway.mqtt.port", Integer.toString(FreePort.find()),
                    "starling.gateway.drain.timeout", "2s");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(routers, new TestInjector.MatchesType(Routers.class));
    }

    @Override
    public void stop() {
        routers.stopAll();
    }

    /** The two test routers of the gateway's list, in its order. */
    public static final class Routers {
        private final int firstPort;
        private final int secondPort;
        private final TestRouter first = new TestRouter();
        private final TestRouter second = new TestRouter();
        private boolean firstRunning = true;
        private boolean secondRunning;

        Routers(int firstPort, int secondPort) {
            this.firstPort = firstPort;
            this.secondPort = secondPort;
        }

        public synchronized void startSecond() throws IOException {
            second.start(secondPort);
            secondRunning = true;
        }

        public synchronized void stopFirst() throws InterruptedException {
            first.stop();
            firstRunning = false;
        }

        public synchronized void stopSecond() throws InterruptedException {
            second.stop();
            secondRunning = false;
        }

        synchronized void stopAll() {
            try {
                if (firstRunning) {
                    stopFirst();
                }
                if (secondRunning) {
                    stopSecond();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
