package io.starlingmq.gateway.session;

import io.netty.channel.EventLoop;
import io.starlingmq.contract.link.v1.RouterEvent;
import io.starlingmq.gateway.link.RouterFrameSink;
import io.starlingmq.gateway.link.RouterLink;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The live connections of this gateway by connection id. Router events are handed to the event loop
 * of the connection they name, so connection state is only ever touched on its own thread.
 */
@ApplicationScoped
public class ConnectionRegistry implements RouterFrameSink {

    private static final Logger LOG = Logger.getLogger(ConnectionRegistry.class);

    /** Connection ids start at 1. */
    private static final long NO_CONNECTION = 0L;

    private final AtomicLong lastConnectionId = new AtomicLong();
    private final Map<Long, Connection> byId = new ConcurrentHashMap<>();

    public long nextConnectionId() {
        return lastConnectionId.incrementAndGet();
    }

    public void register(Connection connection) {
        byId.put(connection.identity().connectionId(), connection);
    }

    public void unregister(Connection connection) {
        byId.remove(connection.identity().connectionId(), connection);
    }

    public Collection<Connection> all() {
        return List.copyOf(byId.values());
    }

    /**
     * Hands a frame's events to their connections' event loops: one task per event loop per frame, in
     * frame order, because a task per event costs a wake-up of the loop per event (measured: the top
     * item of the gateway's profile under fan-in). The events of connections on the calling loop (the
     * link's own) are handled at once, in frame order, with no task at all.
     */
    @Override
    public void onRouterEvents(List<RouterEvent> events) {
        Map<EventLoop, List<Dispatch>> byLoop = new HashMap<>();
        for (RouterEvent event : events) {
            long connectionId = connectionIdOf(event);
            if (connectionId == NO_CONNECTION) {
                continue;
            }
            Connection connection = byId.get(connectionId);
            if (connection == null) {
                LOG.debugf("Router event %s for unknown connection %d", event.getEventCase(), connectionId);
                continue;
            }
            byLoop.computeIfAbsent(connection.channel().eventLoop(), loop -> new ArrayList<>())
                    .add(new Dispatch(connection, event));
        }
        byLoop.forEach((loop, batch) -> {
            if (loop.inEventLoop()) {
                dispatch(batch);
            } else {
                loop.execute(() -> dispatch(batch));
            }
        });
    }

    private static void dispatch(List<Dispatch> batch) {
        for (Dispatch dispatch : batch) {
            RouterEventListener listener = dispatch.connection().listener();
            if (listener != null && dispatch.connection().channel().isActive()) {
                listener.onRouterEvent(dispatch.event());
            }
        }
    }

    private record Dispatch(Connection connection, RouterEvent event) {
    }

    @Override
    public void onLinkLost(RouterLink link) {
        for (Connection connection : byId.values()) {
            if (connection.router() == link) {
                connection.channel().eventLoop().execute(() -> {
                    RouterEventListener listener = connection.listener();
                    if (listener != null) {
                        listener.onLinkLost();
                    }
                });
            }
        }
    }

    private static long connectionIdOf(RouterEvent event) {
        return switch (event.getEventCase()) {
            case SESSION_OPENED -> event.getSessionOpened().getConnectionId();
            case SUBSCRIBED -> event.getSubscribed().getConnectionId();
            case UNSUBSCRIBED -> event.getUnsubscribed().getConnectionId();
            case PUBLISH_DONE -> event.getPublishDone().getConnectionId();
            case DELIVER -> event.getDeliver().getConnectionId();
            case KICK -> event.getKick().getConnectionId();
            case RELEASE_DONE -> event.getReleaseDone().getConnectionId();
            // The fleet's load and a rebalance request are the link's (FleetView), no connection's.
            case FLEET_LOAD, REBALANCE_NOW, ROUTER_LEAVING, EVENT_NOT_SET -> NO_CONNECTION;
        };
    }
}
