package io.starlingmq.systemtests.conformance.publish;

import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** 3.3.1.3 RETAIN (MQTT 5.0): what is kept, replaced, removed, and how it is sent. */
class RetainTest extends ConformanceTest {

    private static final byte[] NONE = new byte[0];
    private String topic;

    @AfterEach
    void removeTheRetainedMessage() throws IOException {
        if (topic != null) {
            try (RawMqttClient cleaner = RawMqttClient.connected(portA(), V5, clientId("clean"))) {
                cleaner.send(MqttPackets.publish(V5, topic, 1, 1, true, NONE, NONE));
                cleaner.readUntil(ReceivedPacket.PUBACK);
            }
        }
    }

    @Test
    @DisplayName("[MQTT-3.3.1-5] [MQTT-3.3.1-9] a retained message replaces the previous one and is sent, RETAIN 1, to a new subscriber on the other gateway")
    void aRetainedMessageReplacesThePreviousOne() throws Exception {
        topic = topic("retained");
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publishRetained(publisher, topic, "first");
        publishRetained(publisher, topic, "second");

        RawMqttClient subscriber = subscriber(portB(), topic);
        ReceivedPacket retained = subscriber.readUntil(ReceivedPacket.PUBLISH);
        assertThat(retained.payloadText()).isEqualTo("second");
        assertThat(retained.retain()).isTrue();
        assertNextIsMarker(publisher, subscriber);
    }

    @Test
    @DisplayName("[MQTT-3.3.1-6] [MQTT-3.3.1-7] a retained message with an empty payload removes the retained message and is not kept")
    void anEmptyRetainedMessageRemovesTheRetainedOne() throws Exception {
        topic = topic("removed");
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publishRetained(publisher, topic, "kept for now");
        publishRetained(publisher, topic, "");

        RawMqttClient subscriber = subscriber(portB(), topic);
        assertNextIsMarker(publisher, subscriber);
    }

    @Test
    @DisplayName("[MQTT-3.3.1-8] a message without RETAIN neither stores nor replaces the retained message")
    void aNonRetainedMessageLeavesTheRetainedOneAlone() throws Exception {
        topic = topic("untouched");
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publishRetained(publisher, topic, "retained");
        publisher.send(MqttPackets.publish(V5, topic, 1, 2, "live only".getBytes()));
        publisher.readUntil(ReceivedPacket.PUBACK);

        RawMqttClient subscriber = subscriber(portB(), topic);
        assertThat(subscriber.readUntil(ReceivedPacket.PUBLISH).payloadText()).isEqualTo("retained");
        assertNextIsMarker(publisher, subscriber);
    }

    @Test
    @DisplayName("[MQTT-3.3.1-12] a retained message forwarded to an existing subscriber has RETAIN 0 (Retain As Published 0)")
    void aLiveDeliveryOfARetainedMessageHasRetainZero() throws Exception {
        topic = topic("live");
        RawMqttClient subscriber = subscriber(portB(), topic);
        publishRetained(rawConnected(V5, clientId("pub")), topic, "live");
        ReceivedPacket delivery = subscriber.readUntil(ReceivedPacket.PUBLISH);
        assertThat(delivery.payloadText()).isEqualTo("live");
        assertThat(delivery.retain()).isFalse();
    }

    /**
     * Retained messages go out with the subscription, before anything published after its SUBACK: a
     * marker published now must be the next message, with nothing retained before it.
     */
    private void assertNextIsMarker(RawMqttClient publisher, RawMqttClient subscriber) throws IOException {
        publisher.send(MqttPackets.publish(V5, topic, 1, 3, "marker".getBytes()));
        publisher.readUntil(ReceivedPacket.PUBACK);
        ReceivedPacket next = subscriber.readUntil(ReceivedPacket.PUBLISH);
        assertThat(next.payloadText()).as("the next message").isEqualTo("marker");
        assertThat(next.retain()).isFalse();
    }

    private static void publishRetained(RawMqttClient publisher, String topic, String payload) throws IOException {
        publisher.send(MqttPackets.publish(V5, topic, 1, 1, true, NONE, payload.getBytes()));
        publisher.readUntil(ReceivedPacket.PUBACK);
    }

    private RawMqttClient subscriber(int port, String topic) throws IOException {
        RawMqttClient client = closeLater(RawMqttClient.connected(port, V5, clientId("sub")));
        client.send(MqttPackets.subscribe(V5, 1, 1, topic));
        assertThat(client.readUntil(ReceivedPacket.SUBACK).filterReasonCodes()).containsExactly(1);
        return client;
    }
}
