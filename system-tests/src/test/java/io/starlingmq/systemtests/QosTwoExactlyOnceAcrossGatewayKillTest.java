package io.starlingmq.systemtests;

import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.starlingmq.systemtests.harness.StarlingSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Invariant 2: QoS 2 is exactly-once in both directions for persistent sessions across a SIGKILLed
 * gateway. A QoS 2 publisher and a persistent QoS 2 subscriber (HiveMQ clients, which keep their
 * session state across a reconnect) stream numbered messages; the gateway of one of them is killed
 * mid-stream and that client resumes through the other gateway. Every message the publisher got
 * acknowledged arrives exactly once, in order.
 */
class QosTwoExactlyOnceAcrossGatewayKillTest {

    private static final String TOPIC = "ledger/payments";
    private static final int MESSAGES = 300;
    private static final long EXPIRY = 3600;

    private StarlingSuite suite;
    private final List<Integer> received = new CopyOnWriteArrayList<>();
    private final List<Integer> acknowledged = Collections.synchronizedList(new ArrayList<>());
    private final List<Mqtt5AsyncClient> clients = new ArrayList<>();
    private final ExecutorService publisherThread = Executors.newSingleThreadExecutor();

    @BeforeEach
    void startSuite() throws Exception {
        suite = StarlingSuite.start("qos2-gateway-kill", "gateway-a", "gateway-b");
    }

    @AfterEach
    void stopSuite() {
        publisherThread.shutdownNow();
        clients.forEach(client -> client.disconnect().exceptionally(ignored -> null));
        suite.close();
    }

    @Test
    void everyAcknowledgedMessageArrivesOnceInOrderWhenTheSubscribersGatewayIsKilled() throws Exception {
        Mqtt5AsyncClient subscriber = connectSubscriber("gateway-a", "gateway-b");
        Mqtt5AsyncClient publisher = connect("ledger-writer", "gateway-b", "gateway-a");

        Future<?> publishing = publisherThread.submit(() -> publishAll(publisher));
        await("first messages before the kill").atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 50);
        suite.process("gateway-a").kill();

        publishing.get(120, TimeUnit.SECONDS);
        assertExactlyOnceInOrder();
        assertThat(subscriber.getState().isConnected()).isTrue();
    }

    @Test
    void everyAcknowledgedMessageArrivesOnceInOrderWhenThePublishersGatewayIsKilled() throws Exception {
        connectSubscriber("gateway-b", "gateway-a");
        Mqtt5AsyncClient publisher = connect("ledger-writer", "gateway-a", "gateway-b");

        Future<?> publishing = publisherThread.submit(() -> publishAll(publisher));
        await("first messages before the kill").atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 50);
        suite.process("gateway-a").kill();

        publishing.get(120, TimeUnit.SECONDS);
        assertExactlyOnceInOrder();
    }

    private void assertExactlyOnceInOrder() {
        assertThat(acknowledged).as("publisher acknowledgements").hasSize(MESSAGES);
        // The last message is delivered after every earlier one (one publisher, one topic), so once it is
        // here a duplicate of any earlier message would be here too.
        await("the last message delivered").atMost(Duration.ofSeconds(60))
                .until(() -> received.contains(MESSAGES - 1));
        assertThat(received).as("each message exactly once, in publish order").containsExactlyElementsOf(acknowledged);
    }

    private Mqtt5AsyncClient connectSubscriber(String gateway, String fallback) throws Exception {
        Mqtt5AsyncClient subscriber = build("ledger-auditor", gateway, fallback);
        subscriber.publishes(MqttGlobalPublishFilter.ALL, this::record);
        subscriber.connectWith().cleanStart(false).sessionExpiryInterval(EXPIRY).send().get(30, TimeUnit.SECONDS);
        subscriber.subscribeWith().topicFilter("ledger/#").qos(MqttQos.EXACTLY_ONCE).send().get(30, TimeUnit.SECONDS);
        return subscriber;
    }

    private Mqtt5AsyncClient connect(String clientId, String gateway, String fallback) throws Exception {
        Mqtt5AsyncClient client = build(clientId, gateway, fallback);
        client.connectWith().cleanStart(false).sessionExpiryInterval(EXPIRY).send().get(30, TimeUnit.SECONDS);
        return client;
    }

    /** A client that, once disconnected, reconnects through {@code fallback} and keeps its session state. */
    private Mqtt5AsyncClient build(String clientId, String gateway, String fallback) {
        MqttClientTransportConfig other = MqttClientTransportConfig.builder()
                .serverHost("127.0.0.1").serverPort(suite.mqttPort(fallback)).build();
        Mqtt5AsyncClient client = Mqtt5Client.builder().identifier(clientId)
                .serverHost("127.0.0.1").serverPort(suite.mqttPort(gateway))
                .automaticReconnect().initialDelay(100, TimeUnit.MILLISECONDS).maxDelay(2, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .addDisconnectedListener(context -> context.getReconnector().transportConfig(other))
                .buildAsync();
        clients.add(client);
        return client;
    }

    private void record(Mqtt5Publish publish) {
        received.add(Integer.parseInt(new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8)));
    }

    /** Publishes one message at a time; each counts as acknowledged once the client's QoS 2 flow completed. */
    private void publishAll(Mqtt5AsyncClient publisher) {
        try {
            for (int seq = 0; seq < MESSAGES; seq++) {
                publisher.publishWith().topic(TOPIC).qos(MqttQos.EXACTLY_ONCE)
                        .payload(Integer.toString(seq).getBytes(StandardCharsets.UTF_8))
                        .send().get(60, TimeUnit.SECONDS);
                acknowledged.add(seq);
            }
        } catch (Exception e) {
            throw new IllegalStateException("publisher failed after " + acknowledged.size() + " messages\n"
                    + suite.logs(), e);
        }
    }
}
