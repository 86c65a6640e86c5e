package io.starlingmq.router.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventLoopDefaultTest {

    @Test
    void halfTheProcessorsRoundedDown() {
        assertThat(EventLoopDefault.loopsFor(8)).isEqualTo(4);
        assertThat(EventLoopDefault.loopsFor(3)).isEqualTo(1);
    }

    @Test
    void atLeastOneLoop() {
        assertThat(EventLoopDefault.loopsFor(1)).isEqualTo(1);
    }

    @Test
    void answersOnlyForTheEventLoopKey() {
        EventLoopDefault source = new EventLoopDefault();

        assertThat(source.getValue("quarkus.vertx.worker-pool-size")).isNull();
        assertThat(source.getPropertyNames()).containsExactly(EventLoopDefault.KEY);
    }
}
