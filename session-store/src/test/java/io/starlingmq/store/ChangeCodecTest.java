package io.starlingmq.store;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeCodecTest {

    @Test
    void recordChangesSurviveRoundTrip() {
        assertRoundTrip(new Change.SubscriptionAdded("c", new Subscription("a/#", 1, true, false, 1, 5)));
        assertRoundTrip(new Change.SubscriptionRemoved("c", "a/#"));
        ClientInfo info = new ClientInfo(new ClientConnect("u", "[::1]:1883", 5, 60), true, 3600, 1L, 2L, 3L);
        assertRoundTrip(new Change.SessionOnline("c", new Holder("gw", 42), true, info));
        assertRoundTrip(new Change.SessionOnline("c", null, false, ClientInfo.UNKNOWN));
        assertRoundTrip(new Change.BanAdded(new Ban(BanKind.CLIENT_ID_PATTERN, "^x.*", "ops", "why", 5L, Ban.FOREVER)));
        assertRoundTrip(new Change.BanRemoved(BanKind.PEER_NETWORK, "10.0.0.0/8"));
        assertRoundTrip(new Change.SessionOffline("c", true));
        assertRoundTrip(new Change.RetainedCleared("t"));
    }

    @Test
    void retainedMessageSurvivesRoundTrip() {
        StoredMessage message = StoredMessage.of("t", "x".getBytes(StandardCharsets.UTF_8), 1, true, "p");

        Change decoded = ChangeCodec.decode(ChangeCodec.encode(new Change.RetainedSet(message)));

        assertThat(((Change.RetainedSet) decoded).message()).usingRecursiveComparison().isEqualTo(message);
    }

    @Test
    void sessionEntryOfTheFirstEncodingReadsWithUnknownClientInfo() {
        byte[] firstEncoding = {1, 3, 0, 0, 0, 1, 'c', 1, 0};

        assertThat(ChangeCodec.decode(firstEncoding))
                .isEqualTo(new Change.SessionOnline("c", null, true, ClientInfo.UNKNOWN));
    }

    private static void assertRoundTrip(Change change) {
        assertThat(ChangeCodec.decode(ChangeCodec.encode(change))).isEqualTo(change);
    }
}
