package io.starlingmq.bridge.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.starlingmq.bridge.rule.RuleProperties;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MqttFromMqttRuleTest {

    private static MqttFromMqttRule rule(String... keysAndValues) {
        Map<String, String> values = new HashMap<>(Map.of("kind", "mqtt-from-mqtt", "remote-filter", "sensors/#",
                "remote.host", "127.0.0.1"));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return MqttFromMqttRule.from(new RuleProperties("from-site", values), "starling-bridge-local-from-site");
    }

    @Test
    void defaultsSubscribePlainlyAndKeepTheTopic() {
        MqttFromMqttRule rule = rule();
        assertThat(rule.remoteFilter()).isEqualTo("sensors/#");
        assertThat(rule.qos()).isEqualTo(1);
        assertThat(rule.sharedGroup()).isEmpty();
        assertThat(rule.topic().source()).isEqualTo("${topic}");
        assertThat(rule.deadLetterTopic()).isEqualTo("starling/bridge/dead-letter/from-site");
        assertThat(rule.remote()).isEqualTo(new RemoteBroker("127.0.0.1", 1883, Optional.empty(), Optional.empty(),
                false, Optional.empty(), "starling-bridge-local-from-site"));
    }

    @Test
    void everyKeyIsRead() {
        MqttFromMqttRule rule = rule("qos", "2", "shared-group", "uplinks", "topic", "from-a/${topic}",
                "dead-letter-topic", "dlq", "remote.port", "1884", "remote.username", "u", "remote.password", "p",
                "remote.tls", "false", "remote.client-id", "starling-downlink");
        assertThat(rule.qos()).isEqualTo(2);
        assertThat(rule.sharedGroup()).isEqualTo("uplinks");
        assertThat(rule.topic().source()).isEqualTo("from-a/${topic}");
        assertThat(rule.deadLetterTopic()).isEqualTo("dlq");
        assertThat(rule.remote()).isEqualTo(new RemoteBroker("127.0.0.1", 1884, Optional.of("u"), Optional.of("p"),
                false, Optional.empty(), "starling-downlink"));
    }

    @Test
    void aWrongRuleNamesItselfAndTheKey() {
        assertThatThrownBy(() -> MqttFromMqttRule.from(new RuleProperties("from-site", Map.of(
                "kind", "mqtt-from-mqtt", "remote.host", "h")), "c"))
                .hasMessage("bridge rule 'from-site', remote-filter: is required");
        assertThatThrownBy(() -> rule("qos", "3")).hasMessage("bridge rule 'from-site', qos: must be from 1 to 2, was 3");
        assertThatThrownBy(() -> rule("filter", "a/#"))
                .hasMessage("bridge rule 'from-site', filter: is not a setting of a mqtt-from-mqtt rule");
    }
}
