package io.starlingmq.store;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeCodecTest {

    @Test
    void recordChangesSurviveRoundTrip() {
        assertRoundTrip(new Change.SubscriptionAdded("c", new Subscription("a/#", 1, true, false, 1, 5)));
        assertRoundTrip(new Change.SubscriptionRemoved("c", "a/#"));
        assertRoundTrip(new Change.SessionOnline("c", new Holder("gw", 42), true));
        assertRoundTrip(new Change.SessionOnline("c", null, false));
        assertRoundTrip(new Change.SessionOffline("c", true));
        assertRoundTrip(new Change.RetainedCleared("t"));
    }

    @Test
    void retainedMessageSurvivesRoundTrip() {
        StoredMessage message = StoredMessage.of("t", "x".getBytes(StandardCharsets.UTF_8), 1, true, "p");

        Change decoded = ChangeCodec.decode(ChangeCodec.encode(new Change.RetainedSet(message)));

        assertThat(((Change.RetainedSet) decoded).message()).usingRecursiveComparison().isEqualTo(message);
    }

    private static void assertRoundTrip(Change change) {
        assertThat(ChangeCodec.decode(ChangeCodec.encode(change))).isEqualTo(change);
    }
}
