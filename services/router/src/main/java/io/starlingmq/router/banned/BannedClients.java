package io.starlingmq.router.banned;

import io.quarkus.runtime.ShutdownEvent;
import io.starlingmq.contract.reason.DisconnectReason;
import io.starlingmq.router.config.RouterConfig;
import io.starlingmq.router.events.RouterEvents;
import io.starlingmq.router.index.SessionDirectory;
import io.starlingmq.router.link.GatewayRegistry;
import io.starlingmq.router.sweep.PeriodicSweep;
import io.starlingmq.store.Ban;
import io.starlingmq.store.BanKind;
import io.starlingmq.store.ClientConnect;
import io.starlingmq.store.SessionStore;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;

/**
 * The banned list as this router enforces it: a CONNECT it opens is checked against its replica, and when a ban
 * arrives (made here or followed from the feed) every connected session it covers is told to go, whichever gateway
 * holds it. Every router does this for every ban: a session opened on another router just before the ban reached
 * it is still found by that router, and a gateway told twice ends the connection once.
 */
@ApplicationScoped
public class BannedClients {

    private static final Logger LOG = Logger.getLogger(BannedClients.class);

    private final BanList list = new BanList();

    @Inject
    SessionDirectory directory;
    @Inject
    GatewayRegistry gateways;
    @Inject
    SessionStore store;
    @Inject
    Vertx vertx;
    @Inject
    RouterConfig config;

    private PeriodicSweep sweep;

    /** The ban a connecting client falls under, if any. */
    public Optional<Ban> covering(String clientId, ClientConnect connect) {
        return list.matching(clientId, connect.username(), connect.peerAddress(), System.currentTimeMillis());
    }

    /**
     * A ban made or replaced: kept, and every connected session it covers is disconnected. Answers how many
     * this router told to disconnect.
     */
    public int banned(Ban ban) {
        if (!list.put(ban)) {
            LOG.warnf("ban of %s %s in the store is not well formed; not enforced", ban.kind().wireName(), ban.who());
            return 0;
        }
        long now = System.currentTimeMillis();
        List<SessionDirectory.Listed> covered = directory.matching(listed -> listed.entry().online()
                && list.matching(listed.clientId(), listed.entry().info().connect().username(),
                listed.entry().info().connect().peerAddress(), now).isPresent());
        for (SessionDirectory.Listed session : covered) {
            disconnect(session.clientId(), session.entry());
        }
        if (!covered.isEmpty()) {
            LOG.infof("ban of %s %s: %d connected clients told to disconnect", ban.kind().wireName(), ban.who(),
                    covered.size());
        }
        return covered.size();
    }

    /** A ban lifted or lapsed. */
    public Optional<Ban> lifted(BanKind kind, String who) {
        return list.remove(kind, who);
    }

    /** Disconnects this session (Administrative action) if it is connected. */
    public void disconnect(String clientId, SessionDirectory.Entry entry) {
        if (entry.online()) {
            gateways.sendTo(entry.holder().gatewayId(), List.of(
                    RouterEvents.kick(entry.holder().connectionId(), DisconnectReason.ADMINISTRATIVE_ACTION)));
            LOG.debugf("banned client %s told to disconnect", clientId);
        }
    }

    public BanList list() {
        return list;
    }

    /** Starts removing lapsed bans from the store, at the session expiry sweep's period. */
    public void startSweep() {
        sweep = new PeriodicSweep(vertx, "lapsed ban sweep", config.expirySweep(), () -> {
            long now = System.currentTimeMillis();
            // the feed tells the other routers; this one forgets its lapsed entries itself
            return store.dropLapsedBans(now).invoke(dropped -> list.dropLapsed(now));
        });
        sweep.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (sweep != null) {
            sweep.stop();
        }
    }
}
