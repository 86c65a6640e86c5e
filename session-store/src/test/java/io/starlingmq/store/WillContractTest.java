package io.starlingmq.store;

import io.smallrye.mutiny.Uni;
import io.starlingmq.store.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How every {@link SessionStore} keeps, cancels, schedules and hands out wills. */
public abstract class WillContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final StoreLimits LIMITS = new StoreLimits(5, 3, 4);
    private static final Holder GW1 = new Holder("gw-1", 1);
    private static final Holder GW2 = new Holder("gw-2", 7);
    private static final long HOUR = 3600;

    protected final MutableClock clock = new MutableClock(1_700_000_000_000L);
    private final List<SessionStore> stores = new ArrayList<>();
    private SessionStore store;
    private SessionStore peer;

    protected abstract SessionStore createStore(StoreLimits limits, InstantSource clock);

    protected abstract void wipe();

    @BeforeEach
    void startStores() {
        wipe();
        store = newStore();
        peer = newStore();
    }

    @AfterEach
    void closeStores() {
        stores.forEach(SessionStore::close);
    }

    @Test
    void normalDisconnectRemovesTheWill() {
        connect("c", GW1, will("gone", 0));

        assertThat(done(store.endWill("c", GW1, false, HOUR))).isNull();

        clock.advance(Duration.ofDays(1));
        assertThat(done(store.willsDue(clock.millis()))).isEmpty();
    }

    @Test
    void lostConnectionWithoutDelayAnswersTheWillOnce() {
        connect("c", GW1, will("gone", 0));

        StoredMessage will = done(store.endWill("c", GW1, true, HOUR));

        assertThat(text(will)).isEqualTo("gone");
        assertThat(will.topic()).isEqualTo("wills/c");
        assertThat(will.retain()).isTrue();
        assertThat(will.contentType()).isEqualTo("text/plain");
        assertThat(will.userProperties()).containsExactly(new StoredMessage.UserProperty("k", "v"));
        assertThat(done(store.endWill("c", GW1, true, HOUR))).isNull();
    }

    @Test
    void delayedWillBecomesDueAfterItsDelayAndNotBefore() {
        connect("c", GW1, will("late", 30));

        assertThat(done(store.endWill("c", GW1, true, HOUR))).isNull();

        assertThat(done(store.willsDue(clock.millis() + 29_999))).isEmpty();
        List<StoredMessage> due = done(peer.willsDue(clock.millis() + 30_000));
        assertThat(due).extracting(WillContractTest::text).containsExactly("late");
        assertThat(done(store.willsDue(clock.millis() + 60_000))).isEmpty();
    }

    @Test
    void sessionExpiryShorterThanTheDelayBringsTheWillForward() {
        connect("c", GW1, will("early", 30));

        assertThat(done(store.endWill("c", GW1, true, 10))).isNull();

        assertThat(done(store.willsDue(clock.millis() + 9_999))).isEmpty();
        assertThat(done(store.willsDue(clock.millis() + 10_000))).extracting(WillContractTest::text)
                .containsExactly("early");
    }

    @Test
    void sessionEndingWithItsConnectionSendsTheWillAtOnce() {
        connect("c", GW1, will("now", 30));

        assertThat(text(done(store.endWill("c", GW1, true, 0)))).isEqualTo("now");
    }

    @Test
    void reconnectBeforeTheDelayCancelsTheWill() {
        connect("c", GW1, will("late", 30));
        done(store.endWill("c", GW1, true, HOUR));

        assertThat(done(peer.putWill("c", GW2, null, false))).isNull();

        assertThat(done(store.willsDue(clock.millis() + 60_000))).isEmpty();
    }

    @Test
    void reconnectWithANewWillReplacesTheWaitingOne() {
        connect("c", GW1, will("old", 30));
        done(store.endWill("c", GW1, true, HOUR));

        assertThat(done(peer.putWill("c", GW2, will("new", 0), false))).isNull();

        assertThat(done(store.willsDue(clock.millis() + 60_000))).isEmpty();
        assertThat(text(done(peer.endWill("c", GW2, true, HOUR)))).isEqualTo("new");
    }

    @Test
    void takeoverAnswersTheLiveConnectionsWillWithoutDelay() {
        connect("c", GW1, will("taken over", 0));

        StoredMessage previous = done(peer.putWill("c", GW2, null, false));

        assertThat(text(previous)).isEqualTo("taken over");
    }

    @Test
    void takeoverCancelsTheLiveConnectionsDelayedWill() {
        connect("c", GW1, will("taken over", 30));

        assertThat(done(peer.putWill("c", GW2, null, false))).isNull();
        assertThat(done(store.willsDue(clock.millis() + 60_000))).isEmpty();
    }

    @Test
    void cleanStartTakeoverAnswersTheLiveConnectionsDelayedWillAtOnce() {
        connect("c", GW1, will("session ended", 30));

        assertThat(text(done(peer.putWill("c", GW2, null, true)))).isEqualTo("session ended");
        assertThat(done(store.willsDue(clock.millis() + 60_000))).isEmpty();
    }

    @Test
    void cleanStartAnswersTheWillWaitingForItsDelayAtOnce() {
        connect("c", GW1, will("session ended", 30));
        done(store.endWill("c", GW1, true, HOUR));

        assertThat(text(done(peer.putWill("c", GW2, will("new", 0), true)))).isEqualTo("session ended");
        assertThat(done(store.willsDue(clock.millis() + 60_000))).as("answered once, not swept again").isEmpty();
        assertThat(text(done(peer.endWill("c", GW2, true, HOUR)))).isEqualTo("new");
    }

    @Test
    void cleanStartOfTheSameConnectionAnswersNothing() {
        connect("c", GW1, will("mine", 30));

        assertThat(done(store.putWill("c", GW1, will("mine again", 30), true))).isNull();
    }

    @Test
    void staleConnectionCannotEndItsSuccessorsWill() {
        connect("c", GW1, will("old", 0));
        connect("c", GW2, will("new", 0));

        assertThat(done(store.endWill("c", GW1, true, HOUR))).isNull();
        assertThat(done(store.endWill("c", GW1, false, HOUR))).isNull();

        assertThat(text(done(store.endWill("c", GW2, true, HOUR)))).isEqualTo("new");
    }

    @Test
    void scheduledWillSurvivesInTheSharedStateForAnotherStore() {
        connect("c", GW1, will("durable", 5));
        done(store.endWill("c", GW1, true, HOUR));
        store.close();

        SessionStore successor = newStore();
        clock.advance(Duration.ofSeconds(5));
        assertThat(done(successor.willsDue(clock.millis()))).extracting(WillContractTest::text)
                .containsExactly("durable");
    }

    private void connect(String clientId, Holder holder, Will will) {
        done(store.open(new SessionSpec(clientId, false, HOUR, 10), holder));
        done(store.putWill(clientId, holder, will, false));
    }

    private SessionStore newStore() {
        SessionStore created = createStore(LIMITS, clock);
        stores.add(created);
        return created;
    }

    private static Will will(String text, long delaySeconds) {
        return new Will(new StoredMessage("wills/c", text.getBytes(StandardCharsets.UTF_8), 1, true, "c", 1L, 1, 60,
                "text/plain", "replies", new byte[]{1, 2}, List.of(new StoredMessage.UserProperty("k", "v"))),
                delaySeconds);
    }

    private static String text(StoredMessage message) {
        return new String(message.payload(), StandardCharsets.UTF_8);
    }

    private static <T> T done(Uni<T> step) {
        return step.await().atMost(TIMEOUT);
    }
}
