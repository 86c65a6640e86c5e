package io.starlingmq.systemtests;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
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
 * A will with a delay is kept by the router side, not the gateway: it reaches a subscriber on another
 * gateway once the delay has passed and not before; it is sent for a client whose gateway was
 * SIGKILLed (found dead by its lapsed heartbeat), and not at all when the client comes back through
 * another gateway within the delay.
 */
class WillDelayTest {

    private static final String WILL_TOPIC = "status/pump-7";
    private static final long WILL_DELAY_SECONDS = 3;

    private StarlingSuite suite;
    private final List<String> wills = new CopyOnWriteArrayList<>();
    private volatile long willArrivedAt;
    private Mqtt5BlockingClient watcher;

    @BeforeEach
    void startSuiteAndWatcher() throws Exception {
        suite = StarlingSuite.start("will-delay", "gateway-a", "gateway-b");
        watcher = Mqtt5Client.builder().identifier("pump-watcher").serverHost("127.0.0.1")
                .serverPort(suite.mqttPort("gateway-b")).buildBlocking();
        watcher.connectWith().cleanStart(true).send();
        watcher.toAsync().publishes(MqttGlobalPublishFilter.ALL, publish -> {
            willArrivedAt = System.nanoTime();
            wills.add(new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8));
        });
        watcher.subscribeWith().topicFilter(WILL_TOPIC).qos(MqttQos.AT_LEAST_ONCE).send();
    }

    @AfterEach
    void stopSuite() {
        watcher.disconnect();
        suite.close();
    }

    @Test
    void aDisconnectWithWillMessageSendsTheWillToAnotherGatewayAfterItsDelay() {
        Mqtt5BlockingClient pump = pumpOn("gateway-a");
        pump.connectWith().cleanStart(true).sessionExpiryInterval(3600).willPublish(will()).send();

        // Taken before the DISCONNECT leaves, so it is no later than the moment the delay starts.
        long disconnectSentAt = System.nanoTime();
        pump.disconnectWith().reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE).send();

        await("the will after its delay").atMost(Duration.ofSeconds(30)).until(() -> wills.contains("pump-7 lost"));
        assertThat(wills).containsExactly("pump-7 lost");
        // A lower bound only: a slow machine can make the will later, never earlier.
        assertThat(Duration.ofNanos(willArrivedAt - disconnectSentAt)).as("time from DISCONNECT to the will")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(WILL_DELAY_SECONDS));
    }

    @Test
    void aSigkilledGatewaysClientGetsItsWillSentOnceTheGatewayIsFoundDead() {
        pumpOn("gateway-a").connectWith().cleanStart(true).sessionExpiryInterval(3600)
                .willPublish(will()).send();

        suite.process("gateway-a").kill();

        // The router finds the dead gateway by its lapsed heartbeat (6 s by default), then the will
        // waits its 3 s delay: well inside the bound.
        await("the will of a client whose gateway was killed").atMost(Duration.ofSeconds(40))
                .until(() -> wills.contains("pump-7 lost"));
        assertThat(wills).containsExactly("pump-7 lost");
    }

    @Test
    void aReconnectThroughAnotherGatewayWithinTheDelayCancelsTheWill() {
        pumpOn("gateway-a").connectWith().cleanStart(true).sessionExpiryInterval(3600)
                .willPublish(will()).send();

        suite.process("gateway-a").kill();
        Mqtt5BlockingClient again = pumpOn("gateway-b");
        assertThat(again.connectWith().cleanStart(false).sessionExpiryInterval(3600).send().isSessionPresent())
                .isTrue();

        // Twice the delay (plus the sweep period) without the will: it was cancelled, not late.
        await().during(Duration.ofSeconds(2 * WILL_DELAY_SECONDS + 2)).atMost(Duration.ofSeconds(20))
                .until(wills::isEmpty);
        again.disconnect();
    }

    private Mqtt5BlockingClient pumpOn(String gateway) {
        return Mqtt5Client.builder().identifier("pump-7").serverHost("127.0.0.1")
                .serverPort(suite.mqttPort(gateway)).buildBlocking();
    }

    private static Mqtt5Publish will() {
        return Mqtt5Publish.builder().topic(WILL_TOPIC).payload("pump-7 lost".getBytes(StandardCharsets.UTF_8))
                .qos(MqttQos.AT_LEAST_ONCE).asWill().delayInterval(WILL_DELAY_SECONDS).build();
    }
}
