package io.starlingmq.bridge.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RulePropertiesDurationTest {

    private static Duration read(String value) {
        return new RuleProperties("r", Map.of("timeout", value)).duration("timeout", Duration.ofSeconds(9));
    }

    @Test
    void takesSecondsUnitsAndIso() {
        assertThat(read("5")).isEqualTo(Duration.ofSeconds(5));
        assertThat(read("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(read("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(read("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(read("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(read("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(read("PT1.5S")).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void anAbsentDurationIsTheFallback() {
        assertThat(new RuleProperties("r", Map.of()).duration("timeout", Duration.ofSeconds(9)))
                .isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void aMalformedOrEmptyDurationNamesTheRuleAndKey() {
        assertThatThrownBy(() -> read("5 seconds")).isInstanceOf(RuleDefinitionException.class)
                .hasMessage("bridge rule 'r', timeout: is not a duration (e.g. 500ms, 5s, 2m, PT5S): 5 seconds");
        assertThatThrownBy(() -> read("0s")).hasMessage("bridge rule 'r', timeout: must be longer than zero, was 0s");
        assertThatThrownBy(() -> read("-PT1S")).hasMessage("bridge rule 'r', timeout: must be longer than zero, was -PT1S");
    }
}
