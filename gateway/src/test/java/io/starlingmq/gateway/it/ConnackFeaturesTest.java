package io.starlingmq.gateway.it;

import static io.starlingmq.testing.mqtt.MqttPackets.V311;
import static io.starlingmq.testing.mqtt.MqttPackets.V5;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckRestrictions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.starlingmq.gateway.support.LinkedGatewayTest;
import io.starlingmq.gateway.support.TestRouterResource;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.RawMqttClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a 5.0 CONNACK announces beyond success: features, Server Keep Alive, Response Information. */
@QuarkusTest
@QuarkusTestResource(TestRouterResource.class)
class ConnackFeaturesTest extends LinkedGatewayTest {

    private Mqtt5ConnAck connect(String clientId, int keepAlive, boolean requestResponseInformation) {
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier(clientId)
                .serverHost("127.0.0.1").serverPort(port).buildBlocking();
        Mqtt5ConnAck connAck = client.connectWith().keepAlive(keepAlive)
                .restrictions().requestResponseInformation(requestResponseInformation).applyRestrictions()
                .send();
        client.disconnect();
        return connAck;
    }

    @Test
    void sharedSubscriptionsSubscriptionIdentifiersWildcardsAndTopicAliasesAreAnnounced() {
        Mqtt5ConnAckRestrictions restrictions = connect("features", 60, false).getRestrictions();
        assertThat(restrictions.isSharedSubscriptionAvailable()).isTrue();
        assertThat(restrictions.areSubscriptionIdentifiersAvailable()).isTrue();
        assertThat(restrictions.isWildcardSubscriptionAvailable()).isTrue();
        assertThat(restrictions.getTopicAliasMaximum()).isEqualTo(16);
    }

    @Test
    void aKeepAliveAboveTheMaximumIsLoweredWithServerKeepAlive() {
        Mqtt5ConnAck connAck = connect("long-keepalive", TestRouterResource.MAX_KEEP_ALIVE + 100, false);
        assertThat(connAck.getServerKeepAlive()).hasValue(TestRouterResource.MAX_KEEP_ALIVE);
        assertThat(router.events(e -> e.hasSessionOpen() && e.getSessionOpen().getClientId().equals("long-keepalive"))
                .get(0).getSessionOpen().getKeepAlive()).isEqualTo(TestRouterResource.MAX_KEEP_ALIVE);
    }

    @Test
    void aKeepAliveOfZeroGetsTheMaximumWhenOneIsConfigured() {
        assertThat(connect("no-keepalive", 0, false).getServerKeepAlive()).hasValue(TestRouterResource.MAX_KEEP_ALIVE);
    }

    @Test
    void aKeepAliveWithinTheMaximumIsKept() {
        assertThat(connect("short-keepalive", 30, false).getServerKeepAlive()).isEmpty();
    }

    @Test
    void aMqtt311ClientKeepsItsKeepAlive() throws IOException {
        int keepAlive = TestRouterResource.MAX_KEEP_ALIVE + 100;
        try (RawMqttClient client = RawMqttClient.connected(port, V311,
                MqttPackets.connect(V311, "long-keepalive-311", keepAlive, true))) {
            assertThat(router.events(e -> e.hasSessionOpen()
                    && e.getSessionOpen().getClientId().equals("long-keepalive-311"))
                    .get(0).getSessionOpen().getKeepAlive()).isEqualTo(keepAlive);
        }
    }

    @Test
    void responseInformationIsSentOnlyWhenRequested() {
        assertThat(connect("asks-response", 60, true).getResponseInformation())
                .hasValueSatisfying(info -> assertThat(info.toString()).isEqualTo("responses/asks-response"));
        assertThat(connect("asks-nothing", 60, false).getResponseInformation()).isEmpty();
    }

    @Test
    void aRefusedConnectCarriesAReasonString() throws IOException {
        try (RawMqttClient client = RawMqttClient.open(port)) {
            client.send(MqttPackets.connect(V5, "x".repeat(TestRouterResource.MAX_CLIENT_ID_LENGTH + 1), 0, true));
            assertThat(new String(client.read().body(), StandardCharsets.UTF_8))
                    .contains("client identifier not valid");
        }
    }
}
