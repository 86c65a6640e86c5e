package io.starlingmq.router.delayed;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.starlingmq.router.testsupport.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.starlingmq.router.testsupport.TestGateway.publish;
import static io.starlingmq.router.testsupport.TestGateway.publishDone;
import static org.assertj.core.api.Assertions.assertThat;

/** The bound on pending delayed messages (in memory, so each run starts empty). */
@QuarkusTest
@TestProfile(DelayedQuotaTest.TwoPending.class)
class DelayedQuotaTest {

    public static class TwoPending implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("starling.router.delayed.max-pending", "2");
        }
    }

    private TestGateway gateway;

    /** Made once the application of this profile runs: the test port is its. */
    @BeforeEach
    void linkGateway() {
        gateway = new TestGateway("gw-quota");
    }

    @AfterEach
    void closeGateway() throws InterruptedException {
        gateway.close();
    }

    @Test
    void aDelayedPublishPastMaxPendingIsRefusedWithQuotaExceeded() {
        gateway.connectAndSubscribe(1, "quota-pub", "quota/unused", 0);

        gateway.send(publish(1, "quota-pub", 1, "$delayed/3600/quota/t", "a", 1),
                publish(1, "quota-pub", 2, "$delayed/3600/quota/t", "b", 2),
                publish(1, "quota-pub", 3, "$delayed/3600/quota/t", "c", 1));

        assertThat(gateway.take(publishDone(1, 1)).getPublishDone().getReasonCode()).isZero();
        assertThat(gateway.take(publishDone(1, 2)).getPublishDone().getReasonCode()).isZero();
        assertThat(gateway.take(publishDone(1, 3)).getPublishDone().getReasonCode()).isEqualTo(0x97);
    }
}
