package io.starlingmq.gateway.alias;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OutboundTopicAliasesTest {

    @Test
    void firstUseSendsTopicAndAliasLaterUsesOnlyTheAlias() {
        OutboundTopicAliases aliases = new OutboundTopicAliases(4, 10);
        OutboundTopicAliases.Choice first = aliases.choose("a/b");
        assertThat(first.alias()).isEqualTo(1);
        assertThat(first.sendTopic()).isTrue();
        aliases.commit(first);
        OutboundTopicAliases.Choice again = aliases.choose("a/b");
        assertThat(again.alias()).isEqualTo(1);
        assertThat(again.sendTopic()).isFalse();
    }

    @Test
    void anUncommittedChoiceLeavesNoMapping() {
        OutboundTopicAliases aliases = new OutboundTopicAliases(4, 10);
        aliases.choose("a/b");
        assertThat(aliases.choose("a/b").sendTopic()).isTrue();
    }

    @Test
    @DisplayName("[MQTT-3.3.2-9] never an alias above the client's Topic Alias Maximum")
    void aliasesStayWithinTheClientsMaximumReusingTheLeastRecentlyUsed() {
        OutboundTopicAliases aliases = new OutboundTopicAliases(2, 10);
        aliases.commit(aliases.choose("t/1"));
        aliases.commit(aliases.choose("t/2"));
        aliases.commit(aliases.choose("t/1"));
        OutboundTopicAliases.Choice third = aliases.choose("t/3");
        assertThat(third.alias()).isEqualTo(2);
        assertThat(third.sendTopic()).isTrue();
        aliases.commit(third);
        assertThat(aliases.choose("t/2").sendTopic()).as("t/2 lost its alias").isTrue();
        assertThat(aliases.choose("t/1").alias()).isEqualTo(1);
        assertThat(aliases.choose("t/3")).isEqualTo(new OutboundTopicAliases.Choice("t/3", 2, false));
    }

    @Test
    void theConfiguredBoundCapsALargerClientMaximum() {
        OutboundTopicAliases aliases = new OutboundTopicAliases(100, 1);
        aliases.commit(aliases.choose("t/1"));
        assertThat(aliases.choose("t/2").alias()).isEqualTo(1);
    }

    @Test
    void noAliasesWhenTheClientAnnouncedNone() {
        assertThat(new OutboundTopicAliases(0, 10).choose("t")).isEqualTo(OutboundTopicAliases.NONE);
    }
}
