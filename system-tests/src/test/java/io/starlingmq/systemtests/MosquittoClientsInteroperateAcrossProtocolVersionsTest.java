package io.starlingmq.systemtests;

import io.starlingmq.systemtests.harness.CommandLineClient;
import io.starlingmq.systemtests.harness.StarlingSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** mosquitto_sub and mosquitto_pub, MQTT 5.0 and 3.1.1 on either side, through router and gateway. */
class MosquittoClientsInteroperateAcrossProtocolVersionsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static StarlingSuite suite;

    @BeforeAll
    static void startSuite() throws Exception {
        suite = StarlingSuite.start("mosquitto-clients", "gateway");
    }

    @AfterAll
    static void stopSuite() {
        suite.close();
    }

    @Test
    void v5SubscriberReceivesWhatV311PublisherSends() throws Exception {
        assertDelivered("mqttv5", "mqttv311", "a/b", "hi");
    }

    @Test
    void v311SubscriberReceivesWhatV5PublisherSends() throws Exception {
        assertDelivered("mqttv311", "mqttv5", "a/c", "hello");
    }

    private void assertDelivered(String subscriberVersion, String publisherVersion, String topic, String payload)
            throws Exception {
        String port = Integer.toString(suite.mqttPort("gateway"));
        try (CommandLineClient subscriber = CommandLineClient.start(List.of("mosquitto_sub", "-d", "-V", subscriberVersion,
                "-h", "127.0.0.1", "-p", port, "-t", "a/#", "-v", "-C", "1", "-W", "30"))) {
            subscriber.awaitLine("received SUBACK", WAIT);
            try (CommandLineClient publisher = CommandLineClient.start(List.of("mosquitto_pub", "-V", publisherVersion,
                    "-h", "127.0.0.1", "-p", port, "-t", topic, "-m", payload, "-q", "1"))) {
                assertThat(publisher.awaitExit(WAIT)).as("mosquitto_pub exit code").isZero();
            }
            subscriber.awaitLine(topic + " " + payload, WAIT);
            assertThat(subscriber.awaitExit(WAIT)).as("mosquitto_sub exit code").isZero();
        }
    }
}
