package io.starlingmq.gateway.alias;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InboundTopicAliasesTest {

    @Test
    @DisplayName("[MQTT-3.3.2-12] a topic with an alias sets the mapping; an empty topic uses it")
    void aTopicWithAnAliasSetsTheMappingAndAnEmptyTopicUsesIt() {
        InboundTopicAliases aliases = new InboundTopicAliases(2);
        assertThat(aliases.resolve("a/b", 1)).isEqualTo("a/b");
        assertThat(aliases.resolve("", 1)).isEqualTo("a/b");
    }

    @Test
    void aNewTopicReplacesTheMappingOfItsAlias() {
        InboundTopicAliases aliases = new InboundTopicAliases(2);
        aliases.resolve("a/b", 2);
        aliases.resolve("c/d", 2);
        assertThat(aliases.resolve("", 2)).isEqualTo("c/d");
    }

    @Test
    void anAliasNeverSetResolvesToNothing() {
        assertThat(new InboundTopicAliases(3).resolve("", 3)).isNull();
    }

    @Test
    void onlyOneToTheMaximumIsInRange() {
        InboundTopicAliases aliases = new InboundTopicAliases(3);
        assertThat(aliases.inRange(0)).isFalse();
        assertThat(aliases.inRange(1)).isTrue();
        assertThat(aliases.inRange(3)).isTrue();
        assertThat(aliases.inRange(4)).isFalse();
    }
}
