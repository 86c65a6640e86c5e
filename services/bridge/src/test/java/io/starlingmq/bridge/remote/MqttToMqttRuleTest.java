package io.starlingmq.bridge.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.starlingmq.bridge.rule.RuleDefinitionException;
import io.starlingmq.bridge.rule.RuleProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MqttToMqttRuleTest {

    private static MqttToMqttRule rule(String... keysAndValues) {
        Map<String, String> values = new HashMap<>(Map.of("kind", "mqtt-to-mqtt", "filter", "plant/#",
                "remote.host", "broker.site-a.example"));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return MqttToMqttRule.from(new RuleProperties("to-site", values), "starling-bridge-pod-0-to-site");
    }

    @Test
    void defaultsKeepTheTopicAtQosOneOnPort1883AsTheBridgesClientId() {
        MqttToMqttRule rule = rule();
        assertThat(rule.filter()).isEqualTo("plant/#");
        assertThat(rule.qos()).isEqualTo(1);
        assertThat(rule.sharedGroup()).isEqualTo("starling-bridge-to-site");
        assertThat(rule.topic().source()).isEqualTo("${topic}");
        assertThat(rule.deadLetterTopic()).isEqualTo("starling/bridge/dead-letter/to-site");
        assertThat(rule.remote()).isEqualTo(new RemoteBroker("broker.site-a.example", 1883, Optional.empty(),
                Optional.empty(), false, Optional.empty(), "starling-bridge-pod-0-to-site"));
    }

    @Test
    void everyKeyIsRead(@TempDir Path dir) throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "not parsed until the connection is built");
        MqttToMqttRule rule = rule("qos", "2", "shared-group", "g", "topic", "site-a/${topic}",
                "dead-letter-topic", "dlq", "remote.port", "18883", "remote.username", "bridge",
                "remote.password", "secret", "remote.tls", "true", "remote.ca-file", ca.toString(),
                "remote.client-id", "site-a-uplink");
        assertThat(rule.qos()).isEqualTo(2);
        assertThat(rule.sharedGroup()).isEqualTo("g");
        assertThat(rule.topic().source()).isEqualTo("site-a/${topic}");
        assertThat(rule.deadLetterTopic()).isEqualTo("dlq");
        assertThat(rule.remote()).isEqualTo(new RemoteBroker("broker.site-a.example", 18883, Optional.of("bridge"),
                Optional.of("secret"), true, Optional.of(ca), "site-a-uplink"));
    }

    @Test
    void tlsDefaultsToPort8883() {
        assertThat(rule("remote.tls", "true").remote().port()).isEqualTo(8883);
    }

    @Test
    void theRemotesPasswordIsNeverShown() {
        RemoteBroker remote = rule("remote.username", "bridge", "remote.password", "secret").remote();
        assertThat(remote.toString()).doesNotContain("secret")
                .isEqualTo("mqtt://broker.site-a.example:1883 as starling-bridge-pod-0-to-site (user bridge)");
    }

    @Test
    void aWrongRuleNamesItselfAndTheKey(@TempDir Path dir) {
        assertThatThrownBy(() -> MqttToMqttRule.from(new RuleProperties("to-site", Map.of("kind", "mqtt-to-mqtt",
                "filter", "a/#")), "c")).isInstanceOf(RuleDefinitionException.class)
                .hasMessage("bridge rule 'to-site', remote.host: is required");
        assertThatThrownBy(() -> MqttToMqttRule.from(new RuleProperties("to-site", Map.of("kind", "mqtt-to-mqtt",
                "remote.host", "h")), "c")).hasMessage("bridge rule 'to-site', filter: is required");
        assertThatThrownBy(() -> rule("qos", "0")).hasMessage("bridge rule 'to-site', qos: must be from 1 to 2, was 0");
        assertThatThrownBy(() -> rule("remote.port", "70000"))
                .hasMessage("bridge rule 'to-site', remote.port: must be from 1 to 65535, was 70000");
        assertThatThrownBy(() -> rule("remote.tls", "yes"))
                .hasMessage("bridge rule 'to-site', remote.tls: must be true or false, was yes");
        assertThatThrownBy(() -> rule("remote.password", "secret"))
                .hasMessage("bridge rule 'to-site', remote.password: needs remote.username");
        assertThatThrownBy(() -> rule("remote.ca-file", dir.resolve("ca.pem").toString()))
                .hasMessage("bridge rule 'to-site', remote.ca-file: applies only with remote.tls=true");
        assertThatThrownBy(() -> rule("remote.tls", "true", "remote.ca-file", dir.resolve("none.pem").toString()))
                .hasMessage("bridge rule 'to-site', remote.ca-file: cannot read " + dir.resolve("none.pem"));
        assertThatThrownBy(() -> rule("topic", "site-a/${device}"))
                .hasMessageStartingWith("bridge rule 'to-site', topic: unknown variable ${device}");
    }

    @Test
    void aMisspelledKeyIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> rule("remote.hostname", "h"))
                .hasMessage("bridge rule 'to-site', remote.hostname: is not a setting of a mqtt-to-mqtt rule");
    }
}
