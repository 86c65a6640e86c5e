package io.starlingmq.launcher.up;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBridgeTest {

    @TempDir
    Path dir;

    @Test
    void theRulesFileHoldsBothRulesWithTheirTemplatesLiteral() {
        assertThat(BridgeRules.properties()).isEqualTo("""
                starling.bridge.rules.to-kafka.kind=mqtt-to-kafka
                starling.bridge.rules.to-kafka.filter=bridge/to-kafka/#
                starling.bridge.rules.to-kafka.kafka-topic=mqtt-in
                starling.bridge.rules.to-kafka.key=${clientid}
                starling.bridge.rules.to-kafka.value=${payload}
                starling.bridge.rules.from-kafka.kind=kafka-to-mqtt
                starling.bridge.rules.from-kafka.kafka-topics=mqtt-out
                starling.bridge.rules.from-kafka.mqtt-topic=bridge/from-kafka/${key}
                starling.bridge.rules.from-kafka.qos=1
                """);
    }

    @Test
    void oneTokenNamesEveryConnectionOfTheBridgeAndAllowsBridgeTopicsOnlyForAMonth() throws Exception {
        DevKey key = new DevKey(dir);
        key.ensure();

        String payload = new String(Base64.getUrlDecoder().decode(LocalBridge.token(key).split("\\.")[1]),
                StandardCharsets.UTF_8);

        assertThat(payload).contains(
                "\"client_id\":[\"starling-bridge-local-to-kafka\",\"starling-bridge-local-from-kafka\"]",
                "\"acl\":{\"pub\":[\"bridge/#\"],\"sub\":[\"bridge/#\"]}");
        assertThat(claim(payload, "exp") - claim(payload, "iat")).isEqualTo(30L * 24 * 3600);
    }

    @Test
    void theEnvironmentPointsAtTheGatewayKafkaAndTheRulesAndCarriesTheTokenWhenThereIsOne() {
        Path rules = dir.resolve("bridge-rules.properties");

        assertThat(LocalBridge.environment(1883, "127.0.0.1:9092", rules, Optional.of("jwt")))
                .containsEntry("STARLING_BRIDGE_MQTT_HOST", "127.0.0.1")
                .containsEntry("STARLING_BRIDGE_MQTT_PORT", "1883")
                .containsEntry("STARLING_BRIDGE_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .containsEntry("STARLING_BRIDGE_INSTANCE", "local")
                .containsEntry("QUARKUS_CONFIG_LOCATIONS", rules.toString())
                .containsEntry("STARLING_BRIDGE_MQTT_USERNAME", "starling-bridge-local")
                .containsEntry("STARLING_BRIDGE_MQTT_PASSWORD", "jwt");
        assertThat(LocalBridge.environment(1883, "127.0.0.1:9092", rules, Optional.empty()))
                .doesNotContainKeys("STARLING_BRIDGE_MQTT_USERNAME", "STARLING_BRIDGE_MQTT_PASSWORD");
    }

    private static long claim(String payload, String name) {
        Matcher number = Pattern.compile("\"" + name + "\":(\\d+)").matcher(payload);
        assertThat(number.find()).as(name).isTrue();
        return Long.parseLong(number.group(1));
    }
}
