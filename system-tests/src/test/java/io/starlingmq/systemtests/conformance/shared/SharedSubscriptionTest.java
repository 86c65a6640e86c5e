package io.starlingmq.systemtests.conformance.shared;

import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** 4.8.2 Shared Subscriptions (MQTT 5.0), members on both gateways. */
class SharedSubscriptionTest extends ConformanceTest {

    private static final byte[] NONE = new byte[0];
    private static final int NO_LOCAL = 0x04;

    @Test
    @DisplayName("[MQTT-4.8.2-1] [MQTT-4.8.2-2] a shared filter without a ShareName, with / + # in it, or without a filter after it gets SUBACK 0x8F")
    void malformedSharedFiltersAreRefused() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("bad"));
        client.send(MqttPackets.subscribe(V5, 1, 1, "$share//t", "$share/g+/t", "$share/g#/t", "$share/g", "$share/g/"));
        assertThat(client.readUntil(ReceivedPacket.SUBACK).filterReasonCodes()).containsExactly(0x8F, 0x8F, 0x8F, 0x8F, 0x8F);
        assertThat(client.pingAnswered()).as("connection still served").isTrue();
    }

    @Test
    @DisplayName("[MQTT-3.8.3-4] No Local on a shared subscription is a protocol error: DISCONNECT 0x82")
    void noLocalOnASharedSubscriptionIsAProtocolError() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("nolocal"));
        client.send(MqttPackets.subscribe(V5, 1, NO_LOCAL | 1, "$share/g/" + topic("t")));
        assertDisconnectedWith(client, 0x82);
    }

    @Test
    @DisplayName("§4.8.2 each message of a shared subscription goes to exactly one member of the group")
    void eachMessageGoesToOneMember() throws Exception {
        String topic = topic("work");
        String marker = topic("marker");
        String group = "$share/workers/" + topic;
        RawMqttClient first = member(portA(), "m1", group, marker);
        RawMqttClient second = member(portB(), "m2", group, marker);
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        List<String> sent = IntStream.rangeClosed(1, 10).mapToObj(i -> "job-" + i).toList();
        int packetId = 1;
        for (String payload : sent) {
            publishQos1(publisher, topic, packetId++, false, NONE, payload);
        }
        publishQos1(publisher, marker, packetId, false, NONE, "marker");

        List<String> toFirst = receiveUntilMarker(first);
        List<String> toSecond = receiveUntilMarker(second);
        List<String> all = new ArrayList<>(toFirst);
        all.addAll(toSecond);
        assertThat(all).as("every message exactly once across the group").containsExactlyInAnyOrderElementsOf(sent);
        assertThat(toFirst).as("first member's share (round robin)").isNotEmpty();
        assertThat(toSecond).as("second member's share (round robin)").isNotEmpty();
    }

    @Test
    @DisplayName("[MQTT-4.8.2-3] a member gets messages at the QoS granted to its shared subscription")
    void theGrantedQosIsRespected() throws Exception {
        String topic = topic("qos");
        RawMqttClient member = rawConnectedTo(portB(), clientId("m"));
        subscribe(member, 1, NONE, 0, "$share/g/" + topic, 0);
        publishQos1(rawConnected(V5, clientId("pub")), topic, 1, false, NONE, "m");
        assertThat(member.readUntil(ReceivedPacket.PUBLISH).qos()).isZero();
    }

    @Test
    @DisplayName("§4.8.2 a client with a shared and a non-shared subscription matching a message gets one copy for each")
    void sharedAndNonSharedSubscriptionsEachDeliver() throws Exception {
        String topic = topic("both");
        RawMqttClient client = rawConnectedTo(portB(), clientId("both"));
        subscribe(client, 1, NONE, 1, "$share/g/" + topic, 1);
        subscribe(client, 2, NONE, 1, topic, 1);
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publishQos1(publisher, topic, 1, false, NONE, "twice");
        publishQos1(publisher, topic("elsewhere"), 2, false, NONE, "unrelated");

        for (int copy = 1; copy <= 2; copy++) {
            ReceivedPacket delivery = client.readUntil(ReceivedPacket.PUBLISH);
            assertThat(delivery.payloadText()).as("copy %d", copy).isEqualTo("twice");
            client.send(MqttPackets.puback(delivery.publishPacketId()));
        }
    }

    @Test
    @DisplayName("§4.8.2 no retained message is sent when a shared subscription is made")
    void noRetainedMessageOnASharedSubscribe() throws Exception {
        String topic = topic("retained");
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publishQos1(publisher, topic, 1, true, NONE, "retained");
        try {
            RawMqttClient member = rawConnectedTo(portB(), clientId("m"));
            subscribe(member, 1, NONE, 1, "$share/g/" + topic, 1);
            publishQos1(publisher, topic, 2, false, NONE, "marker");
            assertThat(member.readUntil(ReceivedPacket.PUBLISH).payloadText()).as("the next message").isEqualTo("marker");
        } finally {
            publishQos1(publisher, topic, 3, true, NONE, "");
        }
    }

    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {1, 2})
    @DisplayName("§4.8.2 a message a clean member received but did not acknowledge (no PUBACK, no PUBREC) goes to another member when it leaves")
    void anUnacknowledgedMessageGoesToAnotherMemberWhenTheFirstLeaves(int qos) throws Exception {
        String topic = topic("handover");
        String group = "$share/g/" + topic;
        RawMqttClient leaving = closeLater(RawMqttClient.connected(portA(), V5, clientId("leaving")));
        subscribe(leaving, 1, NONE, qos, group, qos);
        RawMqttClient publisher = rawConnectedTo(portB(), clientId("pub"));
        publisher.send(MqttPackets.publish(V5, topic, qos, 1, "unacknowledged".getBytes()));
        publisher.readUntil(qos == 1 ? ReceivedPacket.PUBACK : ReceivedPacket.PUBREC);
        ReceivedPacket delivery = leaving.readUntil(ReceivedPacket.PUBLISH);
        assertThat(delivery.payloadText()).isEqualTo("unacknowledged");

        RawMqttClient staying = rawConnectedTo(portB(), clientId("staying"));
        subscribe(staying, 1, NONE, qos, group, qos);
        leaving.close();

        ReceivedPacket handedOver = staying.readUntil(ReceivedPacket.PUBLISH);
        assertThat(handedOver.payloadText()).isEqualTo("unacknowledged");
        assertThat(handedOver.qos()).isEqualTo(qos);
    }

    private RawMqttClient member(int port, String role, String group, String marker) throws IOException {
        RawMqttClient client = rawConnectedTo(port, clientId(role));
        subscribe(client, 1, NONE, 1, group, 1);
        subscribe(client, 2, NONE, 1, marker, 1);
        return client;
    }

    /** Payloads of the shared deliveries a member gets before the marker, which every member gets once. */
    private static List<String> receiveUntilMarker(RawMqttClient member) throws IOException {
        List<String> payloads = new ArrayList<>();
        while (true) {
            ReceivedPacket delivery = member.readUntil(ReceivedPacket.PUBLISH);
            member.send(MqttPackets.puback(delivery.publishPacketId()));
            if (delivery.payloadText().equals("marker")) {
                return payloads;
            }
            payloads.add(delivery.payloadText());
        }
    }
}
