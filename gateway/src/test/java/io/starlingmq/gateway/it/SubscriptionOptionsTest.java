package io.starlingmq.gateway.it;

import static io.starlingmq.testing.mqtt.MqttPackets.V311;
import static io.starlingmq.testing.mqtt.MqttPackets.V5;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.starlingmq.contract.link.v1.GatewayEvent;
import io.starlingmq.contract.link.v1.SubscriptionRequest;
import io.starlingmq.gateway.support.LinkedGatewayTest;
import io.starlingmq.gateway.support.TestRouterResource;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.PropertyBytes;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SUBSCRIBE options, Subscription Identifiers and shared subscriptions, as the router receives them. */
@QuarkusTest
@QuarkusTestResource(TestRouterResource.class)
class SubscriptionOptionsTest extends LinkedGatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** No Local, Retain As Published, Retain Handling 2, QoS 1 */
    private static final int ALL_OPTIONS = 0x04 | 0x08 | 0x20 | 1;

    private List<SubscriptionRequest> subscriptionsOf(String clientId) {
        await().atMost(WAIT).until(() -> !router.events(e -> isSubscribeOf(e, clientId)).isEmpty());
        return router.events(e -> isSubscribeOf(e, clientId)).get(0).getSubscribe().getSubscriptionsList();
    }

    private static boolean isSubscribeOf(GatewayEvent event, String clientId) {
        return event.hasSubscribe() && event.getSubscribe().getClientId().equals(clientId);
    }

    @Test
    void optionsAndSubscriptionIdentifierReachTheRouter() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "options-sub")) {
            client.send(MqttPackets.subscribe5(1, PropertyBytes.subscriptionIdentifier(4242), "a/+", ALL_OPTIONS));
            assertThat(client.read().type()).isEqualTo(ReceivedPacket.SUBACK);
            SubscriptionRequest request = subscriptionsOf("options-sub").get(0);
            assertThat(request.getFilter()).isEqualTo("a/+");
            assertThat(request.getQos()).isEqualTo(1);
            assertThat(request.getNoLocal()).isTrue();
            assertThat(request.getRetainAsPublished()).isTrue();
            assertThat(request.getRetainHandling()).isEqualTo(2);
            assertThat(request.getSubscriptionIdentifier()).isEqualTo(4242);
        }
    }

    @Test
    void withoutOptionsTheDefaultsAreSent() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V311, "plain-sub")) {
            client.send(MqttPackets.subscribe(V311, 1, 2, "a/b"));
            assertThat(client.read().type()).isEqualTo(ReceivedPacket.SUBACK);
            SubscriptionRequest request = subscriptionsOf("plain-sub").get(0);
            assertThat(request).isEqualTo(SubscriptionRequest.newBuilder().setFilter("a/b").setQos(2).build());
        }
    }

    @Test
    void sharedSubscriptionsAndTheirUnsubscribePassThroughWithTheirPrefix() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "shared-sub")) {
            client.send(MqttPackets.subscribe5(1, new byte[0], "$share/workers/jobs/#", 1));
            ReceivedPacket suback = client.read();
            assertThat(suback.u8(3)).isEqualTo(1);
            assertThat(subscriptionsOf("shared-sub").get(0).getFilter()).isEqualTo("$share/workers/jobs/#");

            client.send(MqttPackets.unsubscribe(V5, 2, "$share/workers/jobs/#"));
            assertThat(client.read().type()).isEqualTo(11);
            await().atMost(WAIT).until(() -> !router.events(e -> e.hasUnsubscribe()
                    && e.getUnsubscribe().getClientId().equals("shared-sub")).isEmpty());
            assertThat(router.events(e -> e.hasUnsubscribe() && e.getUnsubscribe().getClientId().equals("shared-sub"))
                    .get(0).getUnsubscribe().getFiltersList()).containsExactly("$share/workers/jobs/#");
        }
    }

    @Test
    void aMalformedShareNameGetsTopicFilterInvalidWithAReasonString() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "bad-share")) {
            client.send(MqttPackets.subscribe5(1, new byte[0], "$share/wor+kers/jobs", 1));
            ReceivedPacket suback = client.read();
            assertThat(suback.type()).isEqualTo(ReceivedPacket.SUBACK);
            int propertyLength = suback.u8(2);
            assertThat(suback.u8(3 + propertyLength)).isEqualTo(0x8F);
            assertThat(new String(suback.body(), 3, propertyLength, StandardCharsets.UTF_8))
                    .contains("topic filter invalid");
        }
    }

    @Test
    void aFilterBeyondTheConfiguredLevelsGetsTopicFilterInvalid() throws IOException {
        String deep = "a/".repeat(TestRouterResource.MAX_TOPIC_LEVELS) + "z";
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "deep-sub")) {
            client.send(MqttPackets.subscribe5(1, new byte[0], deep, 1));
            ReceivedPacket suback = client.read();
            assertThat(suback.u8(3 + suback.u8(2))).isEqualTo(0x8F);
        }
    }

    @Test
    @DisplayName("[MQTT-3.8.3-4] No Local on a shared subscription ends the connection with 0x82")
    void noLocalOnASharedSubscriptionIsAProtocolError() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "shared-nolocal")) {
            client.send(MqttPackets.subscribe5(1, new byte[0], "$share/g/jobs", 0x04 | 1));
            ReceivedPacket disconnect = client.read();
            assertThat(disconnect.type()).isEqualTo(ReceivedPacket.DISCONNECT);
            assertThat(disconnect.disconnectReasonCode()).isEqualTo(0x82);
        }
    }

    @Test
    @DisplayName("5.0 §3.8.2.1.2: Subscription Identifier 0 ends the connection with 0x82")
    void subscriptionIdentifierZeroIsAProtocolError() throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "subid-zero")) {
            client.send(MqttPackets.subscribe5(1, PropertyBytes.subscriptionIdentifier(0), "a", 1));
            ReceivedPacket disconnect = client.read();
            assertThat(disconnect.type()).isEqualTo(ReceivedPacket.DISCONNECT);
            assertThat(disconnect.disconnectReasonCode()).isEqualTo(0x82);
        }
    }
}
