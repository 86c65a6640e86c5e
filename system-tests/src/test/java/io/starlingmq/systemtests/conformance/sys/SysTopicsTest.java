package io.starlingmq.systemtests.conformance.sys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.starlingmq.systemtests.conformance.ConformanceSuite;
import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.PropertyBytes;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 4.7.2 Topics beginning with $ (MQTT 5.0) and the broker's $SYS topics; the suite's router publishes
 * its stats every second under {@code $SYS/brokers/}{@value ConformanceSuite#ROUTER_NODE}.
 */
class SysTopicsTest extends ConformanceTest {

    private static final byte[] NONE = new byte[0];
    private static final String NODE_PREFIX = "$SYS/brokers/" + ConformanceSuite.ROUTER_NODE + "/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @DisplayName("[MQTT-4.7.2-1] filters starting with # or + do not match $SYS topics; a filter naming $SYS does")
    void wildcardsDoNotMatchSysTopics() throws Exception {
        RawMqttClient client = rawConnectedTo(portB(), clientId("wild"));
        subscribe(client, 1, PropertyBytes.subscriptionIdentifier(1), 0, "#", 0);
        subscribe(client, 2, PropertyBytes.subscriptionIdentifier(3), 0, "+/brokers/#", 0);
        subscribe(client, 3, PropertyBytes.subscriptionIdentifier(2), 0, NODE_PREFIX + "uptime", 0);

        // Two rounds of the router's stats: had # or + matched, the deliveries would name their identifiers too.
        for (int round = 1; round <= 2; round++) {
            ReceivedPacket delivery = nextSysDelivery(client);
            assertThat(delivery.topic()).isEqualTo(NODE_PREFIX + "uptime");
            assertThat(delivery.subscriptionIdentifiers()).as("identifiers of the matching subscriptions").containsExactly(2L);
        }
    }

    @Test
    @DisplayName("$SYS: the router publishes version, uptime and the connection count under $SYS/brokers/{node}/")
    void theRouterPublishesItsStats() throws Exception {
        RawMqttClient client = rawConnectedTo(portB(), clientId("stats"));
        client.send(MqttPackets.subscribe(V5, 1, 0, NODE_PREFIX + "version", NODE_PREFIX + "uptime",
                NODE_PREFIX + "stats/connections/count"));
        assertThat(client.readUntil(ReceivedPacket.SUBACK).filterReasonCodes()).containsExactly(0, 0, 0);

        boolean version = false;
        boolean uptime = false;
        boolean connections = false;
        while (!(version && uptime && connections)) {
            ReceivedPacket delivery = nextSysDelivery(client);
            String leaf = delivery.topic().substring(NODE_PREFIX.length());
            switch (leaf) {
                case "version" -> version = !delivery.payloadText().isBlank();
                case "uptime" -> uptime = Long.parseLong(delivery.payloadText()) >= 0;
                case "stats/connections/count" -> {
                    assertThat(Long.parseLong(delivery.payloadText())).as("online sessions, this one included").isPositive();
                    connections = true;
                }
                default -> throw new AssertionError("not subscribed: " + delivery.topic());
            }
            assertThat(delivery.retain()).as("$SYS messages are not retained").isFalse();
        }
    }

    @Test
    @DisplayName("$SYS: a subscriber of $SYS/brokers/+/clients/+/connected and .../disconnected sees a client connect through the other gateway and leave")
    void clientEventsArePublished() throws Exception {
        RawMqttClient watcher = rawConnected(V5, clientId("watch"));
        watcher.send(MqttPackets.subscribe(V5, 1, 0, "$SYS/brokers/+/clients/+/connected",
                "$SYS/brokers/+/clients/+/disconnected"));
        assertThat(watcher.readUntil(ReceivedPacket.SUBACK).filterReasonCodes()).containsExactly(0, 0);

        String clientId = clientId("seen");
        RawMqttClient client = closeLater(RawMqttClient.connected(portB(), V5, MqttPackets.connect(V5, clientId, 30)));
        JsonNode connected = eventOf(watcher, clientId, "connected");
        assertThat(connected.get("clientid").asText()).isEqualTo(clientId);
        assertThat(connected.get("proto_ver").asInt()).isEqualTo(5);
        assertThat(connected.get("keepalive").asInt()).isEqualTo(30);
        assertThat(connected.get("clean_start").asBoolean()).isTrue();

        client.send(MqttPackets.disconnect());
        client.readUntilClosed();
        client.close();
        JsonNode disconnected = eventOf(watcher, clientId, "disconnected");
        assertThat(disconnected.get("clientid").asText()).isEqualTo(clientId);
        assertThat(disconnected.get("reason").asText()).isEqualTo("normal");
    }

    @Test
    @DisplayName("[MQTT-4.7.2-1] a client's connected event reaches a subscriber of it only through the $SYS filter, not through #")
    void clientEventsDoNotMatchHash() throws Exception {
        RawMqttClient watcher = rawConnected(V5, clientId("all"));
        subscribe(watcher, 1, PropertyBytes.subscriptionIdentifier(1), 0, "#", 0);
        subscribe(watcher, 2, PropertyBytes.subscriptionIdentifier(2), 0,
                "$SYS/brokers/+/clients/+/connected", 0);
        String clientId = clientId("seen");
        rawConnectedTo(portB(), clientId);

        String eventTopic = NODE_PREFIX + "clients/" + clientId + "/connected";
        ReceivedPacket event = nextSysDelivery(watcher);
        while (!event.topic().equals(eventTopic)) {
            event = nextSysDelivery(watcher);
        }
        assertThat(event.subscriptionIdentifiers()).as("identifiers of the matching subscriptions").containsExactly(2L);
    }

    private static ReceivedPacket nextSysDelivery(RawMqttClient client) throws IOException {
        while (true) {
            ReceivedPacket delivery = client.readUntil(ReceivedPacket.PUBLISH);
            if (delivery.topic().startsWith("$SYS/")) {
                return delivery;
            }
        }
    }

    private static JsonNode eventOf(RawMqttClient watcher, String clientId, String kind) throws IOException {
        while (true) {
            ReceivedPacket delivery = watcher.readUntil(ReceivedPacket.PUBLISH);
            if (delivery.topic().equals(NODE_PREFIX + "clients/" + clientId + "/" + kind)) {
                return JSON.readTree(delivery.payload());
            }
        }
    }
}
