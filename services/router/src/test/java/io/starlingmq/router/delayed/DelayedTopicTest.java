package io.starlingmq.router.delayed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DelayedTopicTest {

    @Test
    void intervalAndTargetTopicAreSplitAtTheFirstSlashAfterTheInterval() {
        assertThat(DelayedTopic.parse("$delayed/15/plant/7/alarm"))
                .contains(new DelayedTopic(15, "plant/7/alarm"));
    }

    @Test
    void intervalRunsFromZeroToTheLargestEmqxAccepts() {
        assertThat(DelayedTopic.parse("$delayed/0/t")).contains(new DelayedTopic(0, "t"));
        assertThat(DelayedTopic.parse("$delayed/4294967/t")).contains(new DelayedTopic(4_294_967, "t"));
        assertThat(DelayedTopic.parse("$delayed/4294968/t")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"$delayed/10", "$delayed/10/", "$delayed//t", "$delayed/-1/t", "$delayed/1x/t",
            "$delayed/ 1/t", "$delayed/99999999/t", "$delayed/10/a/+/b", "$delayed/10/a/#",
            "$delayed/10/$SYS/x", "$delayed/10/$delayed/5/t"})
    void malformedDelayedTopicsAreRefused(String topic) {
        assertThat(DelayedTopic.isDelayed(topic)).isTrue();
        assertThat(DelayedTopic.parse(topic)).isEmpty();
    }

    @Test
    void otherTopicsAreNotDelayed() {
        assertThat(DelayedTopic.isDelayed("delayed/10/t")).isFalse();
        assertThat(DelayedTopic.isDelayed("$delayedx/10/t")).isFalse();
        assertThat(DelayedTopic.parse("plant/7")).isEmpty();
    }
}
