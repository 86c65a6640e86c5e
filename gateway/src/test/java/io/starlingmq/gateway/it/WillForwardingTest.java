package io.starlingmq.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.starlingmq.contract.link.v1.GatewayEvent;
import io.starlingmq.contract.link.v1.SessionOpen;
import io.starlingmq.contract.link.v1.UserProperty;
import io.starlingmq.contract.link.v1.Will;
import io.starlingmq.gateway.support.LinkedGatewayTest;
import io.starlingmq.gateway.support.TestRouterResource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The CONNECT's will travels to the router with SessionOpen; only DISCONNECT 0x00 removes it. */
@QuarkusTest
@QuarkusTestResource(TestRouterResource.class)
class WillForwardingTest extends LinkedGatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void sessionOpenCarriesTheWillWithItsPropertiesAndDelay() {
        Mqtt5BlockingClient client = clientWithWill("will-carrier");
        client.connect();
        try {
            Will will = sessionOpenOf("will-carrier").getWill();
            assertThat(will.getDelayInterval()).isEqualTo(3);
            assertThat(will.getMessage().getTopic()).isEqualTo("status/will-carrier");
            assertThat(will.getMessage().getPayload().toStringUtf8()).isEqualTo("offline");
            assertThat(will.getMessage().getQos()).isEqualTo(1);
            assertThat(will.getMessage().getRetain()).isTrue();
            assertThat(will.getMessage().getPublisher()).isEqualTo("will-carrier");
            assertThat(will.getMessage().getProperties().getContentType()).isEqualTo("text/plain");
            assertThat(will.getMessage().getProperties().getMessageExpiryInterval()).isEqualTo(60);
            assertThat(will.getMessage().getProperties().getUserPropertiesList())
                    .containsExactly(UserProperty.newBuilder().setKey("site").setValue("north").build());
        } finally {
            client.disconnect();
        }
    }

    @Test
    void aConnectWithoutWillSendsNone() {
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier("no-will")
                .serverHost("127.0.0.1").serverPort(port).buildBlocking();
        client.connect();
        try {
            assertThat(sessionOpenOf("no-will").hasWill()).isFalse();
        } finally {
            client.disconnect();
        }
    }

    @Test
    void normalDisconnectIsGracefulSoTheWillIsDropped() {
        Mqtt5BlockingClient client = clientWithWill("will-normal");
        client.connect();
        long connectionId = router.connectionIdOf("will-normal");

        client.disconnect();

        assertThat(sessionClose(connectionId).getGraceful()).isTrue();
    }

    @Test
    void disconnectWithWillMessageIsNotGracefulSoTheWillIsSent() {
        Mqtt5BlockingClient client = clientWithWill("will-0x04");
        client.connect();
        long connectionId = router.connectionIdOf("will-0x04");

        client.disconnectWith().reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE).send();

        assertThat(sessionClose(connectionId).getGraceful()).isFalse();
    }

    @Test
    @DisplayName("[MQTT-3.1.2-8] a DISCONNECT with an error reason keeps the will")
    void disconnectWithAnErrorReasonIsNotGracefulSoTheWillIsSent() {
        Mqtt5BlockingClient client = clientWithWill("will-0x80");
        client.connect();
        long connectionId = router.connectionIdOf("will-0x80");

        client.disconnectWith().reasonCode(Mqtt5DisconnectReasonCode.UNSPECIFIED_ERROR).send();

        assertThat(sessionClose(connectionId).getGraceful()).isFalse();
    }

    private Mqtt5BlockingClient clientWithWill(String clientId) {
        return MqttClient.builder().useMqttVersion5().identifier(clientId)
                .serverHost("127.0.0.1").serverPort(port)
                .willPublish().topic("status/" + clientId).payload("offline".getBytes(StandardCharsets.UTF_8))
                .qos(MqttQos.AT_LEAST_ONCE).retain(true).delayInterval(3).messageExpiryInterval(60)
                .contentType("text/plain").userProperties().add("site", "north").applyUserProperties()
                .applyWillPublish()
                .buildBlocking();
    }

    private SessionOpen sessionOpenOf(String clientId) {
        await().atMost(WAIT).until(() -> !opens(clientId).isEmpty());
        return opens(clientId).get(0).getSessionOpen();
    }

    private List<GatewayEvent> opens(String clientId) {
        return router.events(e -> e.hasSessionOpen() && e.getSessionOpen().getClientId().equals(clientId));
    }

    private io.starlingmq.contract.link.v1.SessionClose sessionClose(long connectionId) {
        await().atMost(WAIT).until(() -> router.sessionCloses(connectionId) == 1);
        return router.events(e -> e.hasSessionClose() && e.getSessionClose().getConnectionId() == connectionId)
                .get(0).getSessionClose();
    }
}
