package io.starlingmq.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AccessTopicTest {

    @Test
    void delayedPublishIsJudgedByItsTargetTopic() {
        assertThat(AccessTopic.forPublish("$delayed/10/devices/dev-1/temp")).isEqualTo("devices/dev-1/temp");
        assertThat(AccessTopic.forPublish("$delayed/0/a")).isEqualTo("a");
        assertThat(AccessTopic.forPublish("$delayed/5/$SYS/x")).isEqualTo("$SYS/x");
    }

    @Test
    void otherTopicsAreJudgedAsTheyAre() {
        assertThat(AccessTopic.forPublish("devices/dev-1/temp")).isEqualTo("devices/dev-1/temp");
        assertThat(AccessTopic.forPublish("$SYS/broker/load")).isEqualTo("$SYS/broker/load");
        assertThat(AccessTopic.forPublish("delayed/10/a")).isEqualTo("delayed/10/a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"$delayed/", "$delayed/10", "$delayed/10/", "$delayed//a", "$delayed/ten/a",
            "$delayed/-1/a", "$delayed/12345678901/a"})
    void malformedDelayedNameIsJudgedWhole(String name) {
        assertThat(AccessTopic.forPublish(name)).isEqualTo(name);
    }
}
