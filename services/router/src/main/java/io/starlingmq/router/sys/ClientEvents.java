package io.starlingmq.router.sys;

import io.smallrye.mutiny.Uni;
import io.starlingmq.contract.link.v1.SessionClose;
import io.starlingmq.contract.link.v1.SessionOpen;
import io.starlingmq.router.index.SessionDirectory;
import io.starlingmq.router.link.GatewayLink;
import io.starlingmq.router.link.LinkSession;
import io.starlingmq.router.session.PublishRouter;
import io.starlingmq.store.Holder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Publishes {@code $SYS/brokers/{node}/clients/{clientid}/connected} once the router opened a session and
 * {@code .../disconnected} once it closed it. A connection is tracked from its connected event to its
 * disconnected event (bounded by {@code max-tracked-connections}); an untracked one gets neither.
 */
@ApplicationScoped
public class ClientEvents {

    private static final Logger LOG = Logger.getLogger(ClientEvents.class);
    /** Reason of a disconnected event for a connection whose gateway stream was lost. */
    static final String GATEWAY_LOST = "gateway_lost";

    /** A connection as the router names it. */
    private record ConnectionKey(String gatewayId, long connectionId) {
    }

    @Inject
    SysConfig config;
    @Inject
    SysNode node;
    @Inject
    ClientEventJson json;
    @Inject
    SessionDirectory directory;
    @Inject
    PublishRouter publishes;

    private final Map<ConnectionKey, ConnectedClient> tracked = new ConcurrentHashMap<>();

    /** After the router handled {@code open}: publishes the connected event if the session is now held by it. */
    public Uni<Void> opened(GatewayLink link, SessionOpen open) {
        if (!config.clientEvents() || !heldBy(open.getClientId(), link.gatewayId(), open.getConnectionId())) {
            return Uni.createFrom().voidItem();
        }
        if (tracked.size() >= config.maxTrackedConnections()) {
            LOG.debugf("%d connections tracked: no client events for %s", tracked.size(), open.getClientId());
            return Uni.createFrom().voidItem();
        }
        ConnectedClient client = ConnectedClient.of(open, System.currentTimeMillis());
        tracked.put(new ConnectionKey(link.gatewayId(), open.getConnectionId()), client);
        return publish(client, "connected", () -> json.connected(client));
    }

    /** After the router handled {@code close}. */
    public Uni<Void> closed(GatewayLink link, SessionClose close) {
        return disconnected(link.gatewayId(), close.getConnectionId(), close.getReason());
    }

    /** After the router closed the sessions of a lost gateway stream. */
    public Uni<Void> lost(GatewayLink link, List<LinkSession> sessions) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (LinkSession session : sessions) {
            chain = chain.chain(() -> disconnected(link.gatewayId(), session.connectionId(), GATEWAY_LOST));
        }
        return chain;
    }

    private Uni<Void> disconnected(String gatewayId, long connectionId, String reason) {
        ConnectedClient client = tracked.remove(new ConnectionKey(gatewayId, connectionId));
        if (client == null) {
            return Uni.createFrom().voidItem();
        }
        return publish(client, "disconnected", () -> json.disconnected(client, reason, System.currentTimeMillis()));
    }

    /**
     * Events are QoS 0 and not retained, so one nobody subscribes to is neither built nor routed: a connect
     * storm would otherwise spend most of the router's time on JSON that goes nowhere.
     */
    private Uni<Void> publish(ConnectedClient client, String event, Supplier<byte[]> body) {
        String topic = SysTopics.clientEvent(node.name(), client.clientId(), event);
        if (!publishes.hasSubscribers(topic)) {
            return Uni.createFrom().voidItem();
        }
        return publishes.routeInternal(SysMessages.json(topic, body.get()));
    }

    /** The open succeeded exactly when the directory names this connection as the session's holder. */
    private boolean heldBy(String clientId, String gatewayId, long connectionId) {
        SessionDirectory.Entry entry = directory.get(clientId);
        return entry != null && new Holder(gatewayId, connectionId).equals(entry.holder());
    }
}
