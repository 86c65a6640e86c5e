package io.starlingmq.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WireNamesTest {

    @Test
    void everyActionAndPermissionRoundTripsThroughItsWireName() {
        for (Action action : Action.values()) {
            assertThat(Action.parse(action.wireName())).isEqualTo(action);
        }
        for (Permission permission : Permission.values()) {
            assertThat(Permission.parse(permission.wireName())).isEqualTo(permission);
        }
        assertThat(Action.PUBLISH.wireName()).isEqualTo("publish");
        assertThat(Permission.DENY.wireName()).isEqualTo("deny");
    }

    @Test
    void emqxActionSpellingsAreAccepted() {
        assertThat(Action.parse("pub")).isEqualTo(Action.PUBLISH);
        assertThat(Action.parse(" SUB ")).isEqualTo(Action.SUBSCRIBE);
        assertThat(Action.parse("pubsub")).isEqualTo(Action.ALL);
    }

    @Test
    void unknownOrMissingNamesAreRejected() {
        assertThatThrownBy(() -> Action.parse("write")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Action.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Permission.parse("maybe")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Permission.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allAppliesToBothOperationsAndTheOthersOnlyToThemselves() {
        assertThat(Action.ALL.appliesTo(Action.PUBLISH)).isTrue();
        assertThat(Action.ALL.appliesTo(Action.SUBSCRIBE)).isTrue();
        assertThat(Action.PUBLISH.appliesTo(Action.SUBSCRIBE)).isFalse();
        assertThat(Action.SUBSCRIBE.appliesTo(Action.SUBSCRIBE)).isTrue();
    }
}
