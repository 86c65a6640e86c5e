package io.starlingmq.testing.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SessionCheckTest {

    private static final Timeline.Disconnect DRAINED = new Timeline.Disconnect(2, 0, "SERVER", "0x8B");

    @Test
    void aPersistentClientBackWithItsSessionPasses() {
        assertThat(check(true, true, false, true)).isEmpty();
    }

    @Test
    void aPersistentClientBackWithoutItsSessionFails() {
        assertThat(check(true, true, false, false)).singleElement().asString()
                .contains("persistent", "connect 2 of 2 had Session Present 0");
    }

    @Test
    void aCleanClientNeverHasASession() {
        assertThat(check(false, true, false, false)).isEmpty();
        assertThat(check(false, true, false, true)).singleElement().asString().contains("Session Present 1");
    }

    @Test
    void aClientNotConnectedAtTheEndFails() {
        assertThat(check(true, false, false, true)).singleElement().asString().contains("not connected at the end");
    }

    private static List<String> check(boolean persistent, boolean connected, boolean... sessionPresent) {
        List<Timeline.Connect> connects = new java.util.ArrayList<>();
        for (int i = 0; i < sessionPresent.length; i++) {
            connects.add(new Timeline.Connect(i * 3L, sessionPresent[i]));
        }
        Timeline timeline = Timeline.of(connects, List.of(DRAINED));
        return SessionCheck.check(List.of(new SessionCheck.Client(persistent ? "persistent" : "clean", persistent,
                connected, timeline)));
    }
}
