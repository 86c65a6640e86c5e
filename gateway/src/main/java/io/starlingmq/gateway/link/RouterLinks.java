package io.starlingmq.gateway.link;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.starlingmq.contract.link.v1.GatewayEvent;
import io.starlingmq.contract.link.v1.Heartbeat;
import io.starlingmq.gateway.config.GatewayConfig;
import io.starlingmq.gateway.config.GatewayId;
import io.starlingmq.gateway.metrics.GatewayMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * One stream per router of the current set, which follows the members (a fixed list, or DNS asked again every
 * interval). A new connection's client id goes to the router the rendezvous of {@link RouterChoice} picks
 * among the live ones (linked, not leaving, still a member); the connection keeps that router until it
 * closes, so one publisher's messages keep their order. Connections whose router is no longer the one their
 * client id maps to are moved by the gateway's {@code RouterMoves}.
 *
 * <p>Each stream runs on one of the MQTT connections' event loops: its frames are written and read
 * there, and the router events for the connections of that loop are handled without a thread hop.
 * With a thread of its own (and gRPC's own transport thread), every frame crossed up to three
 * threads, and waking them was a third of the gateway's CPU under fan-in (bench finding 10).
 */
@ApplicationScoped
public class RouterLinks {

    private static final String VERSION = ConfigProvider.getConfig()
            .getOptionalValue("quarkus.application.version", String.class).orElse("");
    private static final long STARTED_AT_MS = ManagementFactory.getRuntimeMXBean().getStartTime();

    private static final Logger LOG = Logger.getLogger(RouterLinks.class);
    private static final long LINK_STOP_MILLIS = 2000;

    private final GatewayConfig config;
    private final GatewayId gatewayId;
    private final GatewayMetrics metrics;
    private final RouterMembers members;
    private final Map<String, RouterLink> links = new ConcurrentHashMap<>();
    /** Links to routers that are no longer members: they serve their connections until these moved. */
    private final Set<RouterLink> retiring = ConcurrentHashMap.newKeySet();
    private final FleetView fleet = new FleetView();
    private final List<Runnable> changeListeners = new ArrayList<>();
    private volatile boolean draining;
    private ScheduledExecutorService scheduler;
    private RouterFrameSink sink;
    private EventLoopGroup loops;
    private Class<? extends Channel> channelType;

    public RouterLinks(GatewayConfig config, GatewayId gatewayId, GatewayMetrics metrics) {
        this.config = config;
        this.gatewayId = gatewayId;
        this.metrics = metrics;
        this.members = config.routerDns().map(RouterMembers::dns).orElseGet(() -> RouterMembers.fixed(config.routers()));
    }

    public synchronized void start(RouterFrameSink sink, EventLoopGroup loops, Class<? extends Channel> channelType) {
        this.sink = sink;
        this.loops = loops;
        this.channelType = channelType;
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "starling-link-reconnect");
            thread.setDaemon(true);
            return thread;
        });
        follow();
        long heartbeatMillis = config.link().heartbeatInterval().toMillis();
        scheduler.scheduleAtFixedRate(() -> links.values().forEach(link -> link.heartbeat(heartbeat())),
                heartbeatMillis, heartbeatMillis, TimeUnit.MILLISECONDS);
        if (members.dynamic()) {
            long everyMillis = config.routerDnsInterval().toMillis();
            scheduler.scheduleWithFixedDelay(this::follow, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
        }
        LOG.infof("Gateway %s linking to routers %s", gatewayId.value(), members);
    }

    /** Links to members that joined; retires those that left (they keep serving until their connections moved). */
    private synchronized void follow() {
        if (scheduler == null || scheduler.isShutdown()) {
            return;
        }
        List<String> now = members.current();
        boolean changed = false;
        for (String target : now) {
            if (!links.containsKey(target)) {
                GatewayConfig.Link link = config.link();
                RouterLink routerLink = new RouterLink(target, gatewayId.value(), link.queueSize(), link.batchSize(),
                        new Backoff(link.reconnectMin(), link.reconnectMax()), sink, scheduler,
                        new LinkLoop(loops.next(), channelType), fleet, metrics, this::changed);
                links.put(target, routerLink);
                routerLink.start();
                changed = true;
                if (members.dynamic()) {
                    LOG.infof("router %s joined", target);
                }
            }
        }
        // a name that resolves to nothing for a moment (DNS trouble) retires no router
        if (!now.isEmpty()) {
            for (RouterLink link : links.values()) {
                if (!now.contains(link.target()) && retiring.add(link)) {
                    LOG.infof("router %s left the set: its clients move to the others", link.target());
                    changed = true;
                }
            }
        }
        if (changed) {
            changed();
        }
    }

    /** Runs {@code listener} (on any thread) whenever the set of routers or a router's state changed. */
    public synchronized void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    private void changed() {
        List<Runnable> listeners;
        synchronized (this) {
            listeners = List.copyOf(changeListeners);
        }
        listeners.forEach(Runnable::run);
    }

    /**
     * This gateway's load for the routers: its open connections, and whether it drains; and for the admin API's
     * node list, its version, start and message rate.
     */
    private Heartbeat heartbeat() {
        return Heartbeat.newBuilder().setConnections(metrics.openConnections()).setDraining(draining)
                .setVersion(VERSION).setStartedAtMs(STARTED_AT_MS).setMessagesPerSecond(metrics.messagesPerSecond())
                .build();
    }

    /** From now on the heartbeats say this gateway drains: the fleet counts it for no share. */
    public void markDraining() {
        draining = true;
    }

    /** The fleet's load as the routers report it. */
    public FleetView fleet() {
        return fleet;
    }

    /** The router a new connection of {@code clientId} goes to; null when no router is live. */
    public RouterLink ownerFor(String clientId) {
        List<String> live = new ArrayList<>(links.size());
        for (RouterLink link : links.values()) {
            if (link.live() && !retiring.contains(link)) {
                live.add(link.target());
            }
        }
        String owner = RouterChoice.ownerOf(clientId, live);
        return owner == null ? null : links.get(owner);
    }

    /** Whether a client could connect now: some router is live. */
    public boolean anyLive() {
        return links.values().stream().anyMatch(link -> link.live() && !retiring.contains(link));
    }

    /** False when the event could not be queued (link queue full); the event is counted as dropped. */
    public boolean send(RouterLink link, GatewayEvent event) {
        boolean queued = link.send(event);
        if (!queued) {
            metrics.linkEventDropped();
        }
        return queued;
    }

    /** Whether the link to this router holds so much that its senders should stop reading. */
    public boolean congested(RouterLink link) {
        return link.congested();
    }

    /** Runs the task (on any thread) once the link to this router has drained. */
    public void whenDrained(RouterLink link, Runnable task) {
        link.whenDrained(task);
    }

    /** Whether this router left the set (DNS no longer names it). */
    public boolean retiring(RouterLink link) {
        return retiring.contains(link);
    }

    /** Ends the link to a router that left the set, once none of this gateway's connections uses it. */
    public synchronized void retire(RouterLink link) {
        if (retiring.remove(link) && links.remove(link.target(), link)) {
            link.stop(LINK_STOP_MILLIS);
            LOG.infof("link to router %s ended: no connection uses it", link.target());
        }
    }

    /** Every router linked now, the retiring ones included. */
    public Collection<RouterLink> all() {
        return List.copyOf(links.values());
    }

    /** Every current member's link is up (and there is one). */
    public boolean allUp() {
        return !links.isEmpty() && links.values().stream().filter(link -> !retiring.contains(link))
                .allMatch(RouterLink::isUp);
    }

    /** How many router links have their stream open now. */
    public int upCount() {
        return (int) links.values().stream().filter(RouterLink::isUp).count();
    }

    /** How many routers this gateway links to (zero once stopped). */
    public int count() {
        return links.size();
    }

    public synchronized void stop(Duration timeout) {
        long perLink = Math.max(100, timeout.toMillis() / Math.max(1, links.size()));
        for (RouterLink link : links.values()) {
            link.stop(perLink);
        }
        links.clear();
        retiring.clear();
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
