package io.starlingmq.router.component;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.starlingmq.contract.link.v1.GatewayEvent;
import io.starlingmq.contract.link.v1.RouterEvent;
import io.starlingmq.router.testsupport.TestGateway;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import static io.starlingmq.router.testsupport.TestGateway.open;
import static io.starlingmq.router.testsupport.TestGateway.publish;
import static io.starlingmq.router.testsupport.TestGateway.sessionOpened;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A gateway that stops reading its deliveries holds the publishers back: once half of its outbound bound
 * waits, the router reads no other gateway's frames (their publishes get no PublishDone) until it reads
 * again; its stream is not closed and nothing is lost.
 */
@QuarkusTest
@TestProfile(SlowGatewayBackPressureTest.SmallOutboundBound.class)
class SlowGatewayBackPressureTest {

    /** An outbound bound of 128 events (congested from 64), batches of at most 4 frames, no lapse meanwhile. */
    public static class SmallOutboundBound implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "starling.router.max-events-per-frame", "16",
                    "starling.router.max-pending-frames-per-gateway", "8",
                    "starling.router.max-frames-per-batch", "4",
                    "starling.router.gateway-timeout", "60s");
        }
    }

    private static final int PUBLISHES = 4000;
    /** Publishes per frame: a batch of 4 frames fans out to 40 deliveries, less than the bound's other half. */
    private static final int PER_FRAME = 10;
    /** 1 KiB each: 4 MB of deliveries, more than the transport's flow-control windows hold. */
    private static final String PAYLOAD = "x".repeat(1024);

    @Test
    void aGatewayThatStopsReadingHoldsThePublishersBackInsteadOfLosingItsStream() throws Exception {
        try (TestGateway slow = new TestGateway("gw-slow"); TestGateway publisher = new TestGateway("gw-publisher")) {
            slow.connectAndSubscribe(1, "slow-subscriber", "load/#", 0);
            publisher.send(open(1, "load-publisher", true, 0));
            publisher.take(sessionOpened(1));
            slow.pauseReading();

            for (int first = 1; first <= PUBLISHES; first += PER_FRAME) {
                GatewayEvent[] frame = new GatewayEvent[PER_FRAME];
                for (int i = 0; i < PER_FRAME; i++) {
                    frame[i] = publish(1, "load-publisher", first + i, "load/a", PAYLOAD, 1);
                }
                publisher.send(frame);
            }
            IntSupplier confirmed = () -> publisher.untaken(RouterEvent::hasPublishDone).size();
            await("the router stops confirming publishes").atMost(TestGateway.WAIT).pollInterval(Duration.ofMillis(500))
                    .until(unchangedSinceLastPoll(confirmed));
            assertThat(confirmed.getAsInt()).as("publishes confirmed while the slow gateway did not read")
                    .isLessThan(PUBLISHES);

            slow.resumeReading();
            await("every publish confirmed").atMost(TestGateway.WAIT).until(() -> confirmed.getAsInt() == PUBLISHES);
            await("every delivery made").atMost(TestGateway.WAIT)
                    .until(() -> slow.untaken(RouterEvent::hasDeliver).size() == PUBLISHES);
            assertThat(slow.untaken(RouterEvent::hasKick)).as("the slow gateway's sessions kept").isEmpty();
        }
    }

    /** True once two polls in a row read the same value, and it is not 0 (the router has begun). */
    private static Callable<Boolean> unchangedSinceLastPoll(IntSupplier value) {
        AtomicInteger last = new AtomicInteger(-1);
        return () -> {
            int now = value.getAsInt();
            return now > 0 && now == last.getAndSet(now);
        };
    }
}
