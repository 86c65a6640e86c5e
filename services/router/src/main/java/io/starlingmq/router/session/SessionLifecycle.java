package io.starlingmq.router.session;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.starlingmq.contract.link.v1.RouterEvent;
import io.starlingmq.contract.link.v1.SessionClose;
import io.starlingmq.contract.link.v1.SessionOpen;
import io.starlingmq.contract.reason.ConnackReason;
import io.starlingmq.router.banned.BannedClients;
import io.starlingmq.router.events.RouterEvents;
import io.starlingmq.router.index.SessionDirectory;
import io.starlingmq.router.index.SubscriptionIndex;
import io.starlingmq.router.link.GatewayLink;
import io.starlingmq.router.link.GatewayRegistry;
import io.starlingmq.router.link.LinkSession;
import io.starlingmq.store.Ban;
import io.starlingmq.store.ClientConnect;
import io.starlingmq.store.CloseResult;
import io.starlingmq.store.EndedSession;
import io.starlingmq.store.Holder;
import io.starlingmq.store.OpenResult;
import io.starlingmq.store.SessionSpec;
import io.starlingmq.store.SessionStore;
import io.starlingmq.store.StoredMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Opens and closes sessions through the store and keeps the index and directory in step. */
@ApplicationScoped
public class SessionLifecycle {

    private static final Logger LOG = Logger.getLogger(SessionLifecycle.class);
    private static final int MAX_RECEIVE_MAXIMUM = 65535;

    @Inject
    SessionStore store;
    @Inject
    SubscriptionIndex index;
    @Inject
    SessionDirectory directory;
    @Inject
    GatewayRegistry gateways;
    @Inject
    RouterMetrics metrics;
    @Inject
    Wills wills;
    @Inject
    SharedRedispatch sharedRedispatch;
    @Inject
    BannedClients banned;
    @Inject
    RouterLeave leave;

    public Uni<Void> open(GatewayLink link, SessionOpen open) {
        long expiry = Integer.toUnsignedLong(open.getSessionExpiryInterval());
        int receiveMaximum = open.getReceiveMaximum() == 0 ? MAX_RECEIVE_MAXIMUM
                : Math.min(open.getReceiveMaximum(), MAX_RECEIVE_MAXIMUM);
        ClientConnect connect = new ClientConnect(open.getUsername(), open.getPeerAddress(), open.getProtocolVersion(),
                open.getKeepAlive());
        SessionSpec spec = new SessionSpec(open.getClientId(), open.getCleanStart(), expiry, receiveMaximum, connect);
        Holder holder = new Holder(link.gatewayId(), open.getConnectionId());
        // From the store's open on, publishes routed elsewhere may address this connection: they wait for SessionOpened.
        link.sessionOpening(holder.connectionId());
        if (leave.leaving()) {
            // the gateway maps this client id to another router as soon as it hears that this one leaves
            link.refuseOpen(holder.connectionId(),
                    RouterEvents.sessionOpened(holder.connectionId(), false, ConnackReason.SERVER_UNAVAILABLE));
            return Uni.createFrom().voidItem();
        }
        Optional<Ban> ban = banned.covering(spec.clientId(), connect);
        if (ban.isPresent()) {
            LOG.debugf("CONNECT of %s refused: banned as %s %s", spec.clientId(), ban.get().kind().wireName(),
                    ban.get().who());
            metrics.refusedBanned();
            link.refuseOpen(holder.connectionId(),
                    RouterEvents.sessionOpened(holder.connectionId(), false, ConnackReason.BANNED));
            return Uni.createFrom().voidItem();
        }
        // the will is in the store before CONNACK, so no connection runs without its will kept durably
        return store.open(spec, holder)
                .call(() -> wills.opened(open, holder, expiry))
                .invoke(result -> opened(link, spec, holder, result))
                .call(result -> handOnShared(spec.clientId(), result.orphanedShared()))
                .onFailure().invoke(failure -> {
                    LOG.errorf(failure, "opening session %s failed", spec.clientId());
                    link.refuseOpen(holder.connectionId(),
                            RouterEvents.sessionOpened(holder.connectionId(), false, ConnackReason.UNSPECIFIED_ERROR));
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    public Uni<Void> close(GatewayLink link, SessionClose close) {
        link.sessionEnded(close.getConnectionId());
        Holder holder = new Holder(link.gatewayId(), close.getConnectionId());
        return close(close.getClientId(), holder, Integer.toUnsignedLong(close.getSessionExpiryInterval()),
                !close.getGraceful())
                .chain(() -> sharedRedispatch.redispatch(close.getClientId(), close.getUnacknowledgedList())
                        .onFailure().invoke(failure -> LOG.errorf(failure,
                                "handing on the shared deliveries of %s failed", close.getClientId()))
                        .onFailure().recoverWithNull());
    }

    /** A stream ended without its gateway closing these sessions: each lost its connection. */
    public Uni<Void> connectionsLost(GatewayLink link, List<LinkSession> sessions) {
        return Multi.createFrom().iterable(sessions)
                .onItem().transformToUniAndConcatenate(s ->
                        close(s.clientId(), new Holder(link.gatewayId(), s.connectionId()), s.expirySeconds(), true))
                .collect().last()
                .replaceWithVoid();
    }

    /** Sessions the store expired: they leave the indexes, and their shared deliveries go to other members. */
    public Uni<Void> expired(List<EndedSession> sessions) {
        ended(sessions.stream().map(EndedSession::clientId).toList());
        return Multi.createFrom().iterable(sessions)
                .onItem().transformToUniAndConcatenate(s -> handOnShared(s.clientId(), s.orphanedShared()))
                .collect().last()
                .replaceWithVoid();
    }

    /**
     * The shared-subscription deliveries of a session that ended go to other members of their groups; a
     * failure is logged, it does not undo the end of the session.
     */
    private Uni<Void> handOnShared(String clientId, List<StoredMessage> orphaned) {
        return sharedRedispatch.redispatchStored(clientId, orphaned)
                .onFailure().invoke(failure -> LOG.errorf(failure, "handing on the shared deliveries of %s failed",
                        clientId))
                .onFailure().recoverWithNull();
    }

    /** Sessions the store expired (or found gone): they leave the index and the directory. */
    public void ended(List<String> clientIds) {
        for (String clientId : clientIds) {
            index.removeAll(clientId);
            directory.remove(clientId);
        }
    }

    private void opened(GatewayLink link, SessionSpec spec, Holder holder, OpenResult result) {
        String clientId = spec.clientId();
        result.removedFilters().forEach(filter -> index.remove(clientId, filter));
        directory.put(clientId, holder, spec.persistent(), result.info());
        link.sessionOpened(new LinkSession(holder.connectionId(), clientId, spec.expirySeconds()));
        kick(result.previousHolder(), holder);
        List<RouterEvent> events = new ArrayList<>(1 + result.deliveries().size());
        events.add(RouterEvents.sessionOpened(holder.connectionId(), result.sessionPresent(), ConnackReason.SUCCESS));
        events.addAll(RouterEvents.queuedDeliveries(holder.connectionId(), result.deliveries()));
        link.answerOpen(holder.connectionId(), events);
        metrics.delivered(result.deliveries().size());
        metrics.expired(result.expired());
        // a ban that arrived while the store opened the session found it not yet in the directory
        if (banned.covering(clientId, spec.connect()).isPresent()) {
            banned.disconnect(clientId, directory.get(clientId));
        }
    }

    private void kick(Holder previous, Holder current) {
        if (previous == null || previous.equals(current)) {
            return;
        }
        GatewayLink previousLink = gateways.get(previous.gatewayId());
        if (previousLink != null) {
            previousLink.sessionEnded(previous.connectionId());
            previousLink.sender().send(RouterEvents.kick(previous.connectionId()));
        }
    }

    /** {@code sendWill}: the connection ended without a normal DISCONNECT. */
    private Uni<Void> close(String clientId, Holder holder, long expirySeconds, boolean sendWill) {
        return wills.closed(clientId, holder, sendWill, expirySeconds)
                .chain(() -> store.close(clientId, holder, expirySeconds))
                .invoke(result -> closed(clientId, result))
                .call(result -> handOnShared(clientId, result.orphanedShared()))
                .onFailure().invoke(failure -> LOG.errorf(failure, "closing session %s failed", clientId))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private void closed(String clientId, CloseResult result) {
        if (!result.applied()) {
            return;
        }
        if (result.ended()) {
            result.removedFilters().forEach(filter -> index.remove(clientId, filter));
            ended(List.of(clientId));
        } else {
            directory.offline(clientId, System.currentTimeMillis());
        }
    }
}
