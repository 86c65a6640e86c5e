package io.starlingmq.systemtests;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.starlingmq.systemtests.harness.StarlingSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A session outlives its connection for its Session Expiry Interval and no longer: resumed within it
 * (through another gateway) with its subscriptions and queued messages; after it, gone.
 */
class SessionExpiryTest {

    private static final long EXPIRY_SECONDS = 3;
    private static final String TOPIC = "trackers/3/position";

    private StarlingSuite suite;
    private Mqtt5BlockingClient publisher;

    @BeforeEach
    void startSuite() throws Exception {
        suite = StarlingSuite.start("session-expiry", "gateway-a", "gateway-b");
        publisher = Mqtt5Client.builder().identifier("fleet-publisher").serverHost("127.0.0.1")
                .serverPort(suite.mqttPort("gateway-a")).buildBlocking();
        publisher.connect();
    }

    @AfterEach
    void stopSuite() {
        publisher.disconnect();
        suite.close();
    }

    @Test
    void sessionResumedWithinItsExpiryKeepsSubscriptionsAndQueuedMessages() {
        Mqtt5BlockingClient tracker = tracker("gateway-a");
        tracker.connectWith().cleanStart(true).sessionExpiryInterval(EXPIRY_SECONDS).send();
        tracker.subscribeWith().topicFilter("trackers/3/#").qos(MqttQos.AT_LEAST_ONCE).send();
        tracker.disconnect();

        assertThat(publish("52.37,4.89")).as("the offline session still matches").isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);

        Mqtt5BlockingClient back = tracker("gateway-b");
        List<String> received = new CopyOnWriteArrayList<>();
        back.toAsync().publishes(MqttGlobalPublishFilter.ALL,
                p -> received.add(new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8)));
        assertThat(back.connectWith().cleanStart(false).sessionExpiryInterval(EXPIRY_SECONDS).send().isSessionPresent())
                .isTrue();
        await("the message queued while offline").atMost(Duration.ofSeconds(20)).until(() -> received.contains("52.37,4.89"));
        back.disconnect();
    }

    @Test
    void sessionIsGoneOnceItsExpiryHasPassed() throws InterruptedException {
        Mqtt5BlockingClient tracker = tracker("gateway-a");
        tracker.connectWith().cleanStart(true).sessionExpiryInterval(EXPIRY_SECONDS).send();
        tracker.subscribeWith().topicFilter("trackers/3/#").qos(MqttQos.AT_LEAST_ONCE).send();
        tracker.disconnect();

        // Let the expiry pass (a wait, not a timing assertion); the sweep then removes the session's
        // subscriptions from every index.
        Thread.sleep(Duration.ofSeconds(EXPIRY_SECONDS + 1));
        await("the expired session's subscription gone from the routes").atMost(Duration.ofSeconds(30))
                .until(() -> publish("gone?") == Mqtt5PubAckReasonCode.NO_MATCHING_SUBSCRIBERS);

        Mqtt5BlockingClient back = tracker("gateway-b");
        assertThat(back.connectWith().cleanStart(false).sessionExpiryInterval(EXPIRY_SECONDS).send().isSessionPresent())
                .as("an expired session is not resumed").isFalse();
        back.disconnect();
    }

    private Mqtt5BlockingClient tracker(String gateway) {
        return Mqtt5Client.builder().identifier("tracker-3").serverHost("127.0.0.1")
                .serverPort(suite.mqttPort(gateway)).buildBlocking();
    }

    private Mqtt5PubAckReasonCode publish(String payload) {
        Mqtt5PublishResult result = publisher.publishWith().topic(TOPIC).qos(MqttQos.AT_LEAST_ONCE)
                .payload(payload.getBytes(StandardCharsets.UTF_8)).send();
        return ((Mqtt5PublishResult.Mqtt5Qos1Result) result).getPubAck().getReasonCode();
    }
}
