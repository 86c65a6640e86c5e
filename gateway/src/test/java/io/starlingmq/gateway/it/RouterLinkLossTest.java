package io.starlingmq.gateway.it;

import static io.starlingmq.testing.mqtt.MqttPackets.V5;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.starlingmq.gateway.support.LinkedGatewayTest;
import io.starlingmq.gateway.support.TestRouterResource;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A lost router link disconnects the clients it served; the link comes back and they can return. */
@QuarkusTest
@QuarkusTestResource(TestRouterResource.class)
class RouterLinkLossTest extends LinkedGatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void lostLinkDisconnectsItsClientsWhichCanReconnectOnceItIsBack() throws IOException {
        long connectionId;
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "linked")) {
            connectionId = router.connectionIdOf("linked");
            router.dropLink();
            ReceivedPacket disconnect = client.read();
            assertThat(disconnect.type()).isEqualTo(ReceivedPacket.DISCONNECT);
            assertThat(disconnect.disconnectReasonCode()).isEqualTo(0x80);
        }
        await().atMost(WAIT).until(links::allUp);
        // The SessionClose queued while the link was down reaches the router on the new stream.
        await().atMost(WAIT).until(() -> router.sessionCloses(connectionId) == 1);
        try (RawMqttClient again = RawMqttClient.connected(port, V5, "linked")) {
            assertThat(router.connectionIdOf("linked")).isGreaterThan(connectionId);
            assertThat(again.pingAnswered()).isTrue();
        }
    }
}
