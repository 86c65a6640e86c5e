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

/** How every {@link SessionStore} keeps what listings show of a session: the CONNECT's facts and the times. */
public abstract class ClientInfoContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final StoreLimits LIMITS = new StoreLimits(5, 3, 4);
    private static final Holder GW1 = new Holder("gw-1", 1);
    private static final Holder GW2 = new Holder("gw-2", 7);
    private static final ClientConnect DEVICE = new ClientConnect("meter-user", "10.1.2.3:50123", 5, 30);

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
    void snapshotShowsTheConnectFactsAndWhenTheSessionBeganAndConnected() {
        long createdAt = clock.millis();
        done(store.open(spec("meter-1", false, 3600), GW1));

        ClientInfo info = infoOf("meter-1");

        assertThat(info).isEqualTo(new ClientInfo(DEVICE, false, 3600, createdAt, createdAt, 0));
    }

    @Test
    void closedSessionKeepsItsFactsWithTheTimeItDisconnected() {
        long createdAt = clock.millis();
        done(store.open(spec("meter-1", false, 3600), GW1));
        clock.advance(Duration.ofSeconds(5));

        done(store.close("meter-1", GW1, 3600));

        assertThat(infoOf("meter-1")).isEqualTo(new ClientInfo(DEVICE, false, 3600, createdAt, createdAt,
                createdAt + 5_000));
    }

    @Test
    void resumedSessionKeepsWhenItBeganAndTakesTheNewConnectsFacts() {
        long createdAt = clock.millis();
        done(store.open(spec("meter-1", false, 3600), GW1));
        done(store.close("meter-1", GW1, 3600));
        clock.advance(Duration.ofSeconds(7));
        ClientConnect moved = new ClientConnect("meter-user", "10.9.9.9:40000", 4, 60);

        done(peer.open(new SessionSpec("meter-1", false, 3600, 10, moved), GW2));

        assertThat(infoOf("meter-1")).isEqualTo(new ClientInfo(moved, false, 3600, createdAt, createdAt + 7_000, 0));
    }

    @Test
    void cleanStartBeginsANewSession() {
        done(store.open(spec("meter-1", false, 3600), GW1));
        clock.advance(Duration.ofSeconds(9));

        done(store.open(spec("meter-1", true, 3600), GW2));

        ClientInfo info = infoOf("meter-1");
        assertThat(info.createdAt()).isEqualTo(clock.millis());
        assertThat(info.cleanStart()).isTrue();
    }

    @Test
    void otherRoutersFollowingTheFeedSeeTheFacts() {
        List<Change> seen = new CopyOnWriteArrayList<>();
        peer.follow(done(peer.snapshot()).cursor(), seen::add);

        done(store.open(spec("meter-1", false, 3600), GW1));

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(seen).hasSize(1));
        Change.SessionOnline online = (Change.SessionOnline) seen.getFirst();
        assertThat(online.holder()).isEqualTo(GW1);
        assertThat(online.info().connect()).isEqualTo(DEVICE);
        assertThat(online.info().connectedAt()).isEqualTo(clock.millis());
    }

    private ClientInfo infoOf(String clientId) {
        return done(peer.snapshot()).sessions().stream().filter(s -> s.clientId().equals(clientId))
                .map(Change.SessionOnline::info).findFirst().orElseThrow();
    }

    private static SessionSpec spec(String clientId, boolean cleanStart, long expiry) {
        return new SessionSpec(clientId, cleanStart, expiry, 10, DEVICE);
    }

    private static <T> T done(Uni<T> step) {
        return step.await().atMost(TIMEOUT);
    }
}
