package io.starlingmq.gateway.session;

import io.netty.channel.Channel;
import io.starlingmq.gateway.auth.ConnectionAccess;
import io.starlingmq.contract.link.v1.GatewayEvent;
import io.starlingmq.contract.link.v1.Deliver;
import io.starlingmq.contract.link.v1.SessionClose;
import io.starlingmq.contract.link.v1.SharedDelivery;
import io.starlingmq.gateway.link.RouterLink;
import io.starlingmq.gateway.link.RouterLinks;

/**
 * A live MQTT connection as the router knows it: its identity, its windows, and the one SessionClose
 * owed to the router if a SessionOpen was sent. Confined to the channel's event loop.
 */
public final class Connection {

    private final Channel channel;
    private final ConnectionIdentity identity;
    private final ConnectionAccess access;
    private final RouterLinks links;
    private final RouterLink router;
    private final InboundPublishes inbound;
    private final OutboundWindow outbound;
    private final InboundQos2 inboundQos2;
    private final ClientPreferences preferences;
    private final StoreAssignedDeliveries storeAssigned = new StoreAssignedDeliveries();
    private final long openedNanos = System.nanoTime();
    private RouterEventListener listener;
    private boolean sessionOpenSent;
    private boolean sessionCloseSent;
    private boolean graceful;
    /** Since when ({@link System#nanoTime()}) this connection is held for a move to another router; 0 = not held. */
    private volatile long heldForMoveSince;

    /** @param router the router this connection's events go to for as long as it lives */
    public Connection(Channel channel, ConnectionIdentity identity, ConnectionAccess access, RouterLinks links,
            RouterLink router, int maxPendingPublishes, int outboundCapacity, int maxQueuedDeliveries,
            ClientPreferences preferences) {
        this.preferences = preferences;
        this.channel = channel;
        this.identity = identity;
        this.access = access;
        this.links = links;
        this.router = router;
        this.inbound = new InboundPublishes(maxPendingPublishes);
        this.outbound = new OutboundWindow(outboundCapacity, maxQueuedDeliveries);
        this.inboundQos2 = new InboundQos2(maxPendingPublishes);
    }

    public Channel channel() {
        return channel;
    }

    public ConnectionIdentity identity() {
        return identity;
    }

    /** When this connection was accepted ({@link System#nanoTime()}). */
    public long openedNanos() {
        return openedNanos;
    }

    /** What this connection's credential allows; checked on every PUBLISH and SUBSCRIBE. */
    public ConnectionAccess access() {
        return access;
    }

    /** What the client's CONNECT asked of what the gateway sends it. */
    public ClientPreferences preferences() {
        return preferences;
    }

    /** The router this connection's events go to. */
    public RouterLink router() {
        return router;
    }

    /**
     * From now on this connection is not read: it is to move to another router, once the publishes it sent to
     * this one are answered. On the connection's event loop.
     */
    public void holdForMove() {
        if (heldForMoveSince == 0) {
            heldForMoveSince = System.nanoTime();
            channel.config().setAutoRead(false);
        }
    }

    /** Since when it is held for a move ({@link System#nanoTime()}), 0 when it is not. */
    public long heldForMoveSince() {
        return heldForMoveSince;
    }

    public InboundPublishes inbound() {
        return inbound;
    }

    public InboundQos2 inboundQos2() {
        return inboundQos2;
    }

    public OutboundWindow outbound() {
        return outbound;
    }

    public StoreAssignedDeliveries storeAssigned() {
        return storeAssigned;
    }

    public RouterEventListener listener() {
        return listener;
    }

    public void listenWith(RouterEventListener newListener) {
        this.listener = newListener;
    }

    /** Sends an event to this client's router; false when the link queue is full. */
    public boolean toRouter(GatewayEvent event) {
        return links.send(router, event);
    }

    /** Whether this client's router link is congested: the connection should stop reading. */
    public boolean linkCongested() {
        return links.congested(router);
    }

    /** Runs the task on this connection's event loop once its router link has drained. */
    public void whenLinkDrained(Runnable task) {
        links.whenDrained(router, () -> channel.eventLoop().execute(task));
    }

    public boolean openSession(GatewayEvent sessionOpen) {
        sessionOpenSent = true;
        return toRouter(sessionOpen);
    }

    /** The client ended the connection with a DISCONNECT of reason Normal disconnection: the will is removed. */
    public void markGraceful() {
        graceful = true;
    }

    /** Called once the channel closed, whatever the cause: owes the router exactly one SessionClose. */
    public void closed() {
        if (!sessionOpenSent || sessionCloseSent) {
            return;
        }
        sessionCloseSent = true;
        SessionClose.Builder close = SessionClose.newBuilder()
                .setConnectionId(identity.connectionId())
                .setClientId(identity.clientId())
                .setSessionExpiryInterval((int) identity.sessionExpiry())
                .setGraceful(graceful)
                .setReason(CloseReason.of(channel));
        if (!identity.persistent()) {
            // A clean session's shared deliveries would die with it: the router gives them to another member.
            for (Deliver deliver : outbound.unacknowledgedShared()) {
                close.addUnacknowledged(SharedDelivery.newBuilder()
                        .setMessage(deliver.getMessage())
                        .setSharedSubscription(deliver.getSharedSubscription())
                        .setQos(deliver.getQos()));
            }
        }
        toRouter(GatewayEvent.newBuilder().setSessionClose(close).build());
    }
}
