package io.starlingmq.gateway.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterMembersTest {

    @Test
    void aFixedListIsTrimmedAndHasNoDuplicates() {
        RouterMembers members = RouterMembers.fixed(List.of(" a:9090", "b:9090", "a:9090", ""));
        assertThat(members.current()).containsExactly("a:9090", "b:9090");
        assertThat(members.dynamic()).isFalse();
    }

    @Test
    void aDnsNameIsAskedAgainEachTimeAndEveryAddressIsARouter() {
        List<List<String>> answers = new ArrayList<>(List.of(List.of("10.0.0.2", "10.0.0.1"),
                List.of("10.0.0.1", "10.0.0.2", "10.0.0.3")));
        RouterMembers members = RouterMembers.dns("routers.starling:9090", name -> {
            assertThat(name).isEqualTo("routers.starling");
            return answers.removeFirst();
        });
        assertThat(members.dynamic()).isTrue();
        assertThat(members.current()).containsExactly("10.0.0.1:9090", "10.0.0.2:9090");
        assertThat(members.current()).containsExactly("10.0.0.1:9090", "10.0.0.2:9090", "10.0.0.3:9090");
    }

    @Test
    void aDnsNameWithoutPortIsRefused() {
        assertThatThrownBy(() -> RouterMembers.dns("routers.starling")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name:port");
    }
}
