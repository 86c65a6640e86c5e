package io.starlingmq.gateway.it;

import static io.restassured.RestAssured.given;
import static io.starlingmq.testing.mqtt.MqttPackets.V5;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.starlingmq.gateway.support.LinkedGatewayTest;
import io.starlingmq.gateway.support.TestRouterResource;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The traffic and link meters as Prometheus reads them from {@code /q/metrics}, against packets sent byte by byte. */
@QuarkusTest
@QuarkusTestResource(TestRouterResource.class)
class TrafficMetricsTest extends LinkedGatewayTest {

    private static final byte[] PAYLOAD = "reading".getBytes(StandardCharsets.UTF_8);

    /** The one test router's address, which tags its link's meters. */
    @ConfigProperty(name = "starling.gateway.routers")
    String routers;

    @Test
    void publishesAreCountedByQosAndTheirBytesExactly() throws IOException {
        String before = scrape();
        byte[] connect = MqttPackets.connect(V5, "traffic-1", 60);
        byte[] qos0 = MqttPackets.publish(V5, "meters/t", 0, 0, PAYLOAD);
        byte[] qos1 = MqttPackets.publish(V5, "meters/t", 1, 7, PAYLOAD);
        byte[] ping = MqttPackets.pingreq();
        try (RawMqttClient client = RawMqttClient.connected(port, V5, connect)) {
            client.send(qos0).send(qos0).send(qos0).send(qos1);
            assertThat(client.readUntil(ReceivedPacket.PUBACK).u16(0)).isEqualTo(7);
            // The PINGRESP comes after every earlier packet was read, so all of them are counted by now.
            client.send(ping);
            client.readUntil(ReceivedPacket.PINGRESP);
            String after = scrape();

            assertThat(value(after, "starling_gateway_messages_received_total{qos=\"0\"}")
                    - value(before, "starling_gateway_messages_received_total{qos=\"0\"}")).isEqualTo(3);
            assertThat(value(after, "starling_gateway_messages_received_total{qos=\"1\"}")
                    - value(before, "starling_gateway_messages_received_total{qos=\"1\"}")).isEqualTo(1);
            assertThat(value(after, "starling_gateway_messages_received_total{qos=\"2\"}"))
                    .isEqualTo(value(before, "starling_gateway_messages_received_total{qos=\"2\"}"));
            assertThat(value(after, "starling_gateway_received_bytes_total")
                    - value(before, "starling_gateway_received_bytes_total"))
                    .isEqualTo(connect.length + 3 * qos0.length + qos1.length + ping.length);
            assertThat(value(after, "starling_gateway_auth_duration_seconds_count{outcome=\"allow\"}")
                    - value(before, "starling_gateway_auth_duration_seconds_count{outcome=\"allow\"}")).isEqualTo(1);
            assertThat(value(after, "starling_gateway_auth_duration_seconds_bucket{outcome=\"allow\",le=\"+Inf\"}")
                    - value(before, "starling_gateway_auth_duration_seconds_bucket{outcome=\"allow\",le=\"+Inf\"}"))
                    .isEqualTo(1);
            // CONNACK, PUBACK and PINGRESP: at least their fixed headers.
            assertThat(value(after, "starling_gateway_sent_bytes_total")
                    - value(before, "starling_gateway_sent_bytes_total")).isGreaterThanOrEqualTo(6);
        }
    }

    @Test
    void theRouterLinkReportsItsFramesAndQueueDepth() throws IOException {
        String before = scrape();
        try (RawMqttClient client = RawMqttClient.connected(port, V5, "traffic-2")) {
            client.send(MqttPackets.pingreq());
            client.readUntil(ReceivedPacket.PINGRESP);
        }
        String after = scrape();

        String router = "router=\"" + routers + "\"";
        assertThat(value(after, "starling_gateway_link_frames_sent_total{" + router + "}"))
                .isGreaterThan(value(before, "starling_gateway_link_frames_sent_total{" + router + "}"));
        assertThat(value(after, "starling_gateway_link_frames_received_total{" + router + "}"))
                .isGreaterThan(value(before, "starling_gateway_link_frames_received_total{" + router + "}"));
        assertThat(value(after, "starling_gateway_link_queue_events{" + router + "}")).isBetween(0.0, 1e6);
    }

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sample's value; fails when the series is missing (NaN fails every range check too). */
    private static double value(String exposition, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(exposition);
        assertThat(m.find()).as("series %s in /q/metrics", series).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
