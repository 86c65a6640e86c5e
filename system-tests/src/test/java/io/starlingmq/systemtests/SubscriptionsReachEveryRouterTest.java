package io.starlingmq.systemtests;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.starlingmq.systemtests.harness.StarlingSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With two routers, a subscription made through one router must be matched by the other: the routers'
 * indexes follow the session store's change stream. That propagation is asynchronous, so the publisher
 * repeats a QoS 0 probe until the first delivery, within a bound; a router that never learns the
 * subscription fails the test.
 */
class SubscriptionsReachEveryRouterTest {

    private StarlingSuite suite;

    @BeforeEach
    void startSuite() throws Exception {
        suite = StarlingSuite.start("two-routers", 2, "gateway-a", "gateway-b");
    }

    @AfterEach
    void stopSuite() {
        suite.close();
    }

    @Test
    void publisherRoutedByOneRouterReachesSubscriberRegisteredThroughTheOther() throws Exception {
        String subscriberId = clientIdForRouter(0, "subscriber");
        String publisherId = clientIdForRouter(1, "publisher");

        Mqtt5BlockingClient subscriber = client(subscriberId, suite.mqttPort("gateway-a"));
        BlockingQueue<Mqtt5Publish> received = new LinkedBlockingQueue<>();
        subscriber.toAsync().publishes(MqttGlobalPublishFilter.ALL, received::add);
        subscriber.connect();
        subscriber.subscribeWith().topicFilter("fleet/+/status").qos(MqttQos.AT_LEAST_ONCE).send();

        Mqtt5BlockingClient publisher = client(publisherId, suite.mqttPort("gateway-b"));
        publisher.connect();
        Mqtt5Publish delivered = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (delivered == null && System.nanoTime() < deadline) {
            publisher.publishWith().topic("fleet/truck-7/status").qos(MqttQos.AT_MOST_ONCE)
                    .payload("parked".getBytes(StandardCharsets.UTF_8)).send();
            delivered = received.poll(200, TimeUnit.MILLISECONDS);
        }
        assertThat(delivered).as("delivery through the other router\n%s", suite.logs()).isNotNull();
        assertThat(delivered.getTopic().toString()).isEqualTo("fleet/truck-7/status");
        assertThat(new String(delivered.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("parked");

        publisher.publishWith().topic("fleet/truck-7/status").qos(MqttQos.AT_LEAST_ONCE)
                .payload("moving".getBytes(StandardCharsets.UTF_8)).send();
        assertThat(nextPayloadOtherThan("parked", received)).as("QoS 1 once the routes agree").isEqualTo("moving");

        publisher.disconnect();
        subscriber.disconnect();
    }

    /** A client id that the gateways' stable hash sends to router {@code index} of two. */
    private static String clientIdForRouter(int index, String prefix) {
        for (int i = 0; ; i++) {
            String candidate = prefix + "-" + i;
            if (Math.floorMod(candidate.hashCode(), 2) == index) {
                return candidate;
            }
        }
    }

    private static String nextPayloadOtherThan(String skipped, BlockingQueue<Mqtt5Publish> received)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Mqtt5Publish next = received.poll(200, TimeUnit.MILLISECONDS);
            if (next != null) {
                String payload = new String(next.getPayloadAsBytes(), StandardCharsets.UTF_8);
                if (!payload.equals(skipped)) {
                    return payload;
                }
            }
        }
        return null;
    }

    private static Mqtt5BlockingClient client(String id, int port) {
        return Mqtt5Client.builder().identifier(id).serverHost("127.0.0.1").serverPort(port).buildBlocking();
    }
}
