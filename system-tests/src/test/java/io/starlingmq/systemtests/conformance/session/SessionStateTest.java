package io.starlingmq.systemtests.conformance.session;

import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.PropertyBytes;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** 4.1 Session state and 3.1.2.11.2 Session Expiry Interval (MQTT 5.0), across both gateways. */
class SessionStateTest extends ConformanceTest {

    @Test
    @DisplayName("[MQTT-3.1.2-23] [MQTT-4.1.0-1] a session with a Session Expiry Interval keeps the QoS 1 messages that arrive while it is offline")
    void anOfflineSessionQueuesMessages() throws Exception {
        String id = clientId("offline");
        String topic = topic("queued");
        byte[] expiry = PropertyBytes.sessionExpiry(600);
        try (RawMqttClient client = RawMqttClient.connected(portA(), V5, MqttPackets.connect(V5, id, 0, true, expiry))) {
            client.send(MqttPackets.subscribe(V5, 1, 1, topic));
            client.readUntil(ReceivedPacket.SUBACK);
            client.send(MqttPackets.disconnect());
            client.readUntilClosed();
        }
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        for (int i = 1; i <= 3; i++) {
            publisher.send(MqttPackets.publish(V5, topic, 1, i, ("m" + i).getBytes()));
            assertThat(publisher.readUntil(ReceivedPacket.PUBACK).ackReasonCode()).isZero();
        }
        RawMqttClient resumed = closeLater(RawMqttClient.connected(portB(), V5,
                MqttPackets.connect(V5, id, 0, false, expiry)));
        assertThat(resumed.connack().sessionPresent()).isTrue();
        for (int i = 1; i <= 3; i++) {
            ReceivedPacket delivery = resumed.readUntil(ReceivedPacket.PUBLISH);
            assertThat(delivery.payloadText()).isEqualTo("m" + i);
            resumed.send(MqttPackets.puback(delivery.publishPacketId()));
        }
    }

    @Test
    @DisplayName("[MQTT-4.1.0-2] a session is discarded once its Session Expiry Interval passes: its subscriptions stop matching, Session Present 0")
    void anExpiredSessionIsDiscarded() throws Exception {
        String id = clientId("expires");
        String topic = topic("expiring");
        try (RawMqttClient client = RawMqttClient.connected(portA(), V5,
                MqttPackets.connect(V5, id, 0, true, PropertyBytes.sessionExpiry(1)))) {
            client.send(MqttPackets.subscribe(V5, 1, 1, topic));
            client.readUntil(ReceivedPacket.SUBACK);
        }
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        AtomicInteger packetId = new AtomicInteger();
        await("the expired session's subscription matches nothing (PUBACK 0x10)").atMost(WAIT)
                .until(() -> pubackReason(publisher, topic, packetId.incrementAndGet()) == 0x10);
        RawMqttClient again = rawConnected(V5, MqttPackets.connect(V5, id, 0, false, new byte[0]));
        assertThat(again.connack().sessionPresent()).isFalse();
    }

    @Test
    @DisplayName("§3.1.2.11.2 a Session Expiry Interval of 0 ends the session with the connection: Session Present 0 on return")
    void aZeroExpirySessionEndsWithItsConnection() throws Exception {
        String id = clientId("zero");
        try (RawMqttClient client = RawMqttClient.connected(portA(), V5, MqttPackets.connect(V5, id, 0, true, new byte[0]))) {
            client.send(MqttPackets.subscribe(V5, 1, 1, topic("gone")));
            client.readUntil(ReceivedPacket.SUBACK);
            client.send(MqttPackets.disconnect());
            client.readUntilClosed();
        }
        // Back through the same gateway: its stream carries the close before the new open. Through another
        // gateway the router may hear the new open first and treat it as a takeover of the still-live
        // session (docs/architecture.md, "Ordering across gateways").
        RawMqttClient again = closeLater(RawMqttClient.connected(portA(), V5,
                MqttPackets.connect(V5, id, 0, false, new byte[0])));
        assertThat(again.connack().sessionPresent()).isFalse();
    }

    private static int pubackReason(RawMqttClient publisher, String topic, int packetId) throws IOException {
        publisher.send(MqttPackets.publish(V5, topic, 1, packetId, "probe".getBytes()));
        return publisher.readUntil(ReceivedPacket.PUBACK).ackReasonCode();
    }
}
