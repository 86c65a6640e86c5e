package io.starlingmq.router.link;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundCongestionTest {

    private final OutboundCongestion congestion = new OutboundCongestion();
    private final List<String> ran = new ArrayList<>();

    @Test
    void withNoStreamCongestedATaskRunsAtOnce() {
        congestion.whenClear(() -> ran.add("now"));

        assertThat(ran).containsExactly("now");
    }

    @Test
    void tasksWaitUntilTheLastCongestedStreamIsRelievedAndRunInOrder() {
        congestion.congested();
        congestion.congested();
        congestion.whenClear(() -> ran.add("a"));
        congestion.whenClear(() -> ran.add("b"));

        congestion.relieved();
        assertThat(ran).as("one stream is still congested").isEmpty();
        congestion.relieved();

        assertThat(ran).containsExactly("a", "b");
        assertThat(congestion.isCongested()).isFalse();
    }

    @Test
    void anEpisodeIsCountedWhenTheFirstStreamCongestsNotForEachStream() {
        congestion.congested();
        congestion.congested();
        congestion.relieved();
        congestion.relieved();
        congestion.congested();

        assertThat(congestion.episodes()).isEqualTo(2);
    }
}
