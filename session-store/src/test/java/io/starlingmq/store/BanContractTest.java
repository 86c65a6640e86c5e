package io.starlingmq.store;

import io.smallrye.mutiny.Uni;
import io.starlingmq.store.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** How every {@link SessionStore} keeps the banned list and tells the other routers of its changes. */
public abstract class BanContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final StoreLimits LIMITS = new StoreLimits(5, 3, 4);

    protected final MutableClock clock = new MutableClock(1_700_000_000_000L);
    private final List<SessionStore> stores = new ArrayList<>();
    private SessionStore store;
    private SessionStore peer;

    protected abstract SessionStore createStore(StoreLimits limits, InstantSource clock);

    protected abstract void wipe();

    @BeforeEach
    void startStores() {
        wipe();
        store = createStore(LIMITS, clock);
        peer = createStore(LIMITS, clock);
        stores.add(store);
        stores.add(peer);
    }

    @AfterEach
    void closeStores() {
        stores.forEach(SessionStore::close);
    }

    @Test
    void banIsInTheSnapshotOfEveryStore() {
        Ban ban = ban(BanKind.CLIENT_ID, "rogue", Ban.FOREVER);

        done(store.ban(ban));

        assertThat(done(peer.snapshot()).bans()).containsExactly(ban);
    }

    @Test
    void banOfTheSameKindAndSubjectReplacesTheOld() {
        done(store.ban(ban(BanKind.USERNAME, "mallory", Ban.FOREVER)));
        Ban longer = new Ban(BanKind.USERNAME, "mallory", "ops", "again", clock.millis(), clock.millis() + 60_000);
        Ban sameSubjectOtherKind = ban(BanKind.CLIENT_ID, "mallory", Ban.FOREVER);

        done(peer.ban(longer));
        done(peer.ban(sameSubjectOtherKind));

        assertThat(done(store.snapshot()).bans()).containsExactlyInAnyOrder(longer, sameSubjectOtherKind);
    }

    @Test
    void unbanAnswersWhetherThereWasABan() {
        done(store.ban(ban(BanKind.PEER_HOST, "10.0.0.9", Ban.FOREVER)));

        assertThat(done(peer.unban(BanKind.PEER_HOST, "10.0.0.9"))).isTrue();
        assertThat(done(peer.unban(BanKind.PEER_HOST, "10.0.0.9"))).isFalse();
        assertThat(done(store.snapshot()).bans()).isEmpty();
    }

    @Test
    void lapsedBansAreDroppedAndTheOthersStay() {
        Ban lapsing = ban(BanKind.CLIENT_ID, "short", clock.millis() + 1_000);
        Ban lasting = ban(BanKind.CLIENT_ID, "long", clock.millis() + 60_000);
        Ban forever = ban(BanKind.CLIENT_ID_PATTERN, "^bot-.*", Ban.FOREVER);
        done(store.ban(lapsing));
        done(store.ban(lasting));
        done(store.ban(forever));
        clock.advance(Duration.ofSeconds(2));

        assertThat(done(peer.dropLapsedBans(clock.millis()))).isEqualTo(1);
        assertThat(done(store.dropLapsedBans(clock.millis()))).isZero();
        assertThat(done(store.snapshot()).bans()).containsExactlyInAnyOrder(lasting, forever);
    }

    @Test
    void otherRoutersFollowBansMadeAndLifted() {
        List<Change> seen = new CopyOnWriteArrayList<>();
        peer.follow(done(peer.snapshot()).cursor(), seen::add);
        Ban ban = ban(BanKind.PEER_NETWORK, "192.168.0.0/16", Ban.FOREVER);

        done(store.ban(ban));
        done(store.unban(BanKind.PEER_NETWORK, "192.168.0.0/16"));
        done(store.unban(BanKind.PEER_NETWORK, "192.168.0.0/16"));

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(seen).containsExactly(new Change.BanAdded(ban),
                new Change.BanRemoved(BanKind.PEER_NETWORK, "192.168.0.0/16")));
    }

    private Ban ban(BanKind kind, String who, long until) {
        return new Ban(kind, who, "ops-test", "testing", clock.millis(), until);
    }

    private static <T> T done(Uni<T> step) {
        return step.await().atMost(TIMEOUT);
    }
}
