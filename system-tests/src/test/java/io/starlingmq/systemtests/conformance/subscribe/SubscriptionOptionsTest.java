package io.starlingmq.systemtests.conformance.subscribe;

import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** 3.8.3.1 Subscription Options (MQTT 5.0): No Local, Retain As Published, Retain Handling. */
class SubscriptionOptionsTest extends ConformanceTest {

    private static final byte[] NONE = new byte[0];
    private static final int NO_LOCAL = 0x04;
    private static final int RETAIN_AS_PUBLISHED = 0x08;
    private static final int RETAIN_HANDLING_1 = 0x10;
    private static final int RETAIN_HANDLING_2 = 0x20;

    private String retainedTopic;

    @AfterEach
    void removeTheRetainedMessage() throws IOException {
        if (retainedTopic != null) {
            try (RawMqttClient cleaner = RawMqttClient.connected(portA(), V5, clientId("clean"))) {
                publishQos1(cleaner, retainedTopic, 1, true, NONE, "");
            }
        }
    }

    @Test
    @DisplayName("[MQTT-3.8.3-3] No Local: a client's own message is not sent back to it; another client's is")
    void noLocalKeepsTheClientsOwnMessagesAway() throws Exception {
        String topic = topic("nolocal");
        RawMqttClient client = rawConnected(V5, clientId("self"));
        subscribe(client, 1, NONE, NO_LOCAL | 1, topic, 1);

        // Read one by one: a delivery of its own message before the PUBACK must not be skipped.
        client.send(MqttPackets.publish(V5, topic, 1, 2, "own".getBytes()));
        assertThat(client.read().type()).as("the packet after its own PUBLISH").isEqualTo(ReceivedPacket.PUBACK);
        RawMqttClient other = rawConnectedTo(portB(), clientId("other"));
        publishQos1(other, topic, 1, false, NONE, "other's");

        ReceivedPacket delivery = client.readUntil(ReceivedPacket.PUBLISH);
        assertThat(delivery.payloadText()).as("the first message the client receives").isEqualTo("other's");
    }

    @Test
    @DisplayName("[MQTT-3.8.3-3] No Local belongs to one subscription: an overlapping subscription without it still delivers the client's own message")
    void noLocalDoesNotSilenceAnOverlappingSubscription() throws Exception {
        String topic = topic("overlap");
        RawMqttClient client = rawConnected(V5, clientId("self"));
        subscribe(client, 1, NONE, NO_LOCAL | 1, topic, 1);
        subscribe(client, 2, NONE, 1, topic.substring(0, topic.lastIndexOf('/')) + "/+", 1);

        // The delivery back may come before or after the PUBACK: read both, one by one.
        client.send(MqttPackets.publish(V5, topic, 1, 3, "own".getBytes()));
        List<ReceivedPacket> packets = List.of(client.read(), client.read());
        assertThat(packets).extracting(ReceivedPacket::type)
                .containsExactlyInAnyOrder(ReceivedPacket.PUBACK, ReceivedPacket.PUBLISH);
        ReceivedPacket delivery = packets.stream().filter(p -> p.type() == ReceivedPacket.PUBLISH).findFirst().orElseThrow();
        assertThat(delivery.payloadText()).isEqualTo("own");
    }

    @Test
    @DisplayName("[MQTT-3.3.1-12] Retain As Published 0: a live delivery of a retained message has RETAIN 0")
    void retainAsPublishedZeroClearsRetain() throws Exception {
        retainedTopic = topic("rap0");
        RawMqttClient subscriber = rawConnectedTo(portB(), clientId("sub"));
        subscribe(subscriber, 1, NONE, 1, retainedTopic, 1);
        publishQos1(rawConnected(V5, clientId("pub")), retainedTopic, 1, true, NONE, "live");

        ReceivedPacket delivery = subscriber.readUntil(ReceivedPacket.PUBLISH);
        assertThat(delivery.payloadText()).isEqualTo("live");
        assertThat(delivery.retain()).as("RETAIN").isFalse();
    }

    @Test
    @DisplayName("[MQTT-3.3.1-13] Retain As Published 1: a live delivery keeps the RETAIN flag it was published with")
    void retainAsPublishedOneKeepsRetain() throws Exception {
        retainedTopic = topic("rap1");
        RawMqttClient subscriber = rawConnectedTo(portB(), clientId("sub"));
        subscribe(subscriber, 1, NONE, RETAIN_AS_PUBLISHED | 1, retainedTopic, 1);
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publishQos1(publisher, retainedTopic, 1, true, NONE, "retained");
        publishQos1(publisher, retainedTopic, 2, false, NONE, "not retained");

        ReceivedPacket first = subscriber.readUntil(ReceivedPacket.PUBLISH);
        assertThat(first.payloadText()).isEqualTo("retained");
        assertThat(first.retain()).as("RETAIN of a message published retained").isTrue();
        ReceivedPacket second = subscriber.readUntil(ReceivedPacket.PUBLISH);
        assertThat(second.payloadText()).isEqualTo("not retained");
        assertThat(second.retain()).as("RETAIN of a message published without it").isFalse();
    }

    @Test
    @DisplayName("[MQTT-3.3.1-9] [MQTT-3.8.4-3] Retain Handling 0: the retained message is sent at every SUBSCRIBE, also when the subscription exists")
    void retainHandlingZeroSendsAtEverySubscribe() throws Exception {
        retainedTopic = topic("rh0");
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publishQos1(publisher, retainedTopic, 1, true, NONE, "retained");

        RawMqttClient subscriber = rawConnectedTo(portB(), clientId("sub"));
        subscribe(subscriber, 1, NONE, 1, retainedTopic, 1);
        assertRetained(subscriber.readUntil(ReceivedPacket.PUBLISH));
        subscribe(subscriber, 2, NONE, 1, retainedTopic, 1);
        assertRetained(subscriber.readUntil(ReceivedPacket.PUBLISH));
    }

    @Test
    @DisplayName("[MQTT-3.3.1-10] Retain Handling 1: the retained message is sent for a new subscription, not when it already existed")
    void retainHandlingOneSendsOnlyForANewSubscription() throws Exception {
        retainedTopic = topic("rh1");
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publishQos1(publisher, retainedTopic, 1, true, NONE, "retained");

        RawMqttClient subscriber = rawConnectedTo(portB(), clientId("sub"));
        subscribe(subscriber, 1, NONE, RETAIN_HANDLING_1 | 1, retainedTopic, 1);
        assertRetained(subscriber.readUntil(ReceivedPacket.PUBLISH));
        subscribe(subscriber, 2, NONE, RETAIN_HANDLING_1 | 1, retainedTopic, 1);
        assertNextIsMarker(publisher, subscriber, retainedTopic);
    }

    @Test
    @DisplayName("[MQTT-3.3.1-11] Retain Handling 2: no retained message is sent at SUBSCRIBE")
    void retainHandlingTwoNeverSends() throws Exception {
        retainedTopic = topic("rh2");
        RawMqttClient publisher = rawConnected(V5, clientId("pub"));
        publishQos1(publisher, retainedTopic, 1, true, NONE, "retained");

        RawMqttClient subscriber = rawConnectedTo(portB(), clientId("sub"));
        subscribe(subscriber, 1, NONE, RETAIN_HANDLING_2 | 1, retainedTopic, 1);
        assertNextIsMarker(publisher, subscriber, retainedTopic);
    }

    private static void assertRetained(ReceivedPacket delivery) {
        assertThat(delivery.payloadText()).isEqualTo("retained");
        assertThat(delivery.retain()).as("RETAIN of a retained message sent at SUBSCRIBE").isTrue();
    }

    /** Retained messages go out with SUBACK: a marker published afterwards must be the next message. */
    private static void assertNextIsMarker(RawMqttClient publisher, RawMqttClient subscriber, String topic)
            throws IOException {
        publisher.send(MqttPackets.publish(V5, topic, 1, 9, "marker".getBytes()));
        publisher.readUntil(ReceivedPacket.PUBACK);
        assertThat(subscriber.readUntil(ReceivedPacket.PUBLISH).payloadText()).as("the next message").isEqualTo("marker");
    }
}
