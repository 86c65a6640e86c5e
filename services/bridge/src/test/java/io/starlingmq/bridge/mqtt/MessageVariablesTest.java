package io.starlingmq.bridge.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageVariablesTest {

    private static InboundMessage message(String publisher) {
        return new InboundMessage("site/7/temp", "{\"v\":3}".getBytes(StandardCharsets.UTF_8), 1, false, publisher,
                Optional.of("application/json"), List.of(new AbstractMap.SimpleImmutableEntry<>("unit", "C")), 1234L);
    }

    @Test
    void everyVariableOfAMessage() {
        MessageVariables variables = new MessageVariables(message("dev-1"));
        assertThat(variables.text("topic", "")).isEqualTo("site/7/temp");
        assertThat(variables.text("topic", "1")).isEqualTo("7");
        assertThat(variables.text("clientid", "")).isEqualTo("dev-1");
        assertThat(variables.text("payload", "")).isEqualTo("{\"v\":3}");
        assertThat(variables.text("payload", "v")).isEqualTo("3");
        assertThat(variables.text("qos", "")).isEqualTo("1");
        assertThat(variables.text("retain", "")).isEqualTo("false");
        assertThat(variables.text("timestamp", "")).isEqualTo("1234");
        assertThat(variables.text("content_type", "")).isEqualTo("application/json");
        assertThat(variables.text("user_property", "unit")).isEqualTo("C");
    }

    @Test
    void anUnknownPublisherOrTopicLevelIsARenderingFailure() {
        assertThatThrownBy(() -> new MessageVariables(message("")).text("clientid", ""))
                .hasMessageContaining("publisher's client id is not known");
        assertThatThrownBy(() -> new MessageVariables(message("d")).text("topic", "5"))
                .hasMessage("the topic site/7/temp has no level 5");
        assertThatThrownBy(() -> new MessageVariables(message("d")).text("user_property", "x"))
                .hasMessage("the message has no user property x");
    }
}
