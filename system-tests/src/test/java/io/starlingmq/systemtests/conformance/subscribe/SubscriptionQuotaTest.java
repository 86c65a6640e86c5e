package io.starlingmq.systemtests.conformance.subscribe;

import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * §3.9.3 SUBACK 0x97 Quota exceeded (MQTT 5.0), with the router's default
 * {@code starling.router.max-subscriptions-per-session} of 100.
 */
class SubscriptionQuotaTest extends ConformanceTest {

    private static final int QUOTA = 100;

    @Test
    @DisplayName("§3.9.3 a subscription past the session's quota gets SUBACK 0x97; the connection stays and an existing filter can be subscribed again")
    void aSubscriptionPastTheQuotaIsRefused() throws Exception {
        String base = topic("quota");
        String[] filters = IntStream.rangeClosed(1, QUOTA + 1).mapToObj(i -> base + "/" + i).toArray(String[]::new);
        RawMqttClient client = rawConnected(V5, clientId("many"));
        client.send(MqttPackets.subscribe(V5, 1, 1, filters));

        List<Integer> expected = new ArrayList<>(IntStream.range(0, QUOTA).mapToObj(i -> 1).toList());
        expected.add(0x97);
        assertThat(client.readUntil(ReceivedPacket.SUBACK).filterReasonCodes()).containsExactlyElementsOf(expected);

        client.send(MqttPackets.subscribe(V5, 2, 0, filters[0]));
        assertThat(client.readUntil(ReceivedPacket.SUBACK).filterReasonCodes())
                .as("a filter the session holds is not a new subscription").containsExactly(0);
        client.send(MqttPackets.subscribe(V5, 3, 1, base + "/one-more"));
        assertThat(client.readUntil(ReceivedPacket.SUBACK).filterReasonCodes()).containsExactly(0x97);
    }
}
