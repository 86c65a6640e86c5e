package io.starlingmq.systemtests.conformance.publish;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperty;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PayloadFormatIndicator;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.starlingmq.systemtests.conformance.ConformanceTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 3.3.2.3 PUBLISH properties (MQTT 5.0), with HiveMQ MQTT clients on both gateways: what the broker
 * must forward unaltered.
 */
class PublishPropertiesTest extends ConformanceTest {

    @Test
    @DisplayName("[MQTT-3.3.2-4] [MQTT-3.3.2-15] [MQTT-3.3.2-16] [MQTT-3.3.2-17] [MQTT-3.3.2-18] [MQTT-3.3.2-20] payload format, response topic, correlation data, user properties (in order) and content type arrive unaltered")
    void applicationPropertiesAreForwardedUnaltered() throws Exception {
        String topic = topic("props");
        Mqtt5BlockingClient subscriber = hive(portB(), clientId("sub"));
        subscriber.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            subscriber.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
            Mqtt5BlockingClient publisher = hive(portA(), clientId("pub"));
            publisher.connect();
            publisher.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                    .payload("{\"on\":true}".getBytes(StandardCharsets.UTF_8))
                    .payloadFormatIndicator(Mqtt5PayloadFormatIndicator.UTF_8)
                    .contentType("application/json")
                    .responseTopic(topic + "/reply")
                    .correlationData("corr-1".getBytes(StandardCharsets.UTF_8))
                    .userProperties().add("z", "last-name-first").add("a", "1").add("a", "2").applyUserProperties()
                    .send();

            Mqtt5Publish received = publishes.receive(WAIT.toSeconds(), TimeUnit.SECONDS).orElseThrow();
            assertThat(received.getPayloadFormatIndicator()).contains(Mqtt5PayloadFormatIndicator.UTF_8);
            assertThat(received.getContentType().map(Object::toString)).contains("application/json");
            assertThat(received.getResponseTopic().map(Object::toString)).contains(topic + "/reply");
            assertThat(received.getCorrelationData().map(PublishPropertiesTest::text)).contains("corr-1");
            List<String> userProperties = received.getUserProperties().asList().stream()
                    .map(PublishPropertiesTest::pair).toList();
            assertThat(userProperties).containsExactly("z=last-name-first", "a=1", "a=2");
        }
    }

    @Test
    @DisplayName("[MQTT-3.1.3-10] the will's user properties arrive in order")
    void willUserPropertiesKeepTheirOrder() throws Exception {
        String willTopic = topic("will");
        Mqtt5BlockingClient watcher = hive(portB(), clientId("watch"));
        watcher.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = watcher.publishes(MqttGlobalPublishFilter.ALL)) {
            watcher.subscribeWith().topicFilter(willTopic).send();
            Mqtt5BlockingClient client = hive(portA(), clientId("leaving"));
            client.connectWith().willPublish().topic(willTopic).payload("bye".getBytes(StandardCharsets.UTF_8))
                    .userProperties().add("second", "2").add("first", "1").applyUserProperties()
                    .applyWillPublish().send();
            client.disconnectWith().reasonCode(
                    com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE)
                    .send();

            Mqtt5Publish will = publishes.receive(WAIT.toSeconds(), TimeUnit.SECONDS).orElseThrow();
            assertThat(will.getUserProperties().asList().stream().map(PublishPropertiesTest::pair).toList())
                    .containsExactly("second=2", "first=1");
        }
    }

    private static String pair(Mqtt5UserProperty property) {
        return property.getName() + "=" + property.getValue();
    }

    private static String text(ByteBuffer buffer) {
        return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
    }
}
