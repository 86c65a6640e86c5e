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
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * One stream per configured router. The events of a client id always go to the router its stable
 * hash picks, so one publisher's messages keep their order.
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

    private final GatewayConfig config;
    private final GatewayId gatewayId;
    private final GatewayMetrics metrics;
    private final List<RouterLink> links = new ArrayList<>();
    private final FleetView fleet = new FleetView();
    private volatile boolean draining;
    private ScheduledExecutorService scheduler;

    public RouterLinks(GatewayConfig config, GatewayId gatewayId, GatewayMetrics metrics) {
        this.config = config;
        this.gatewayId = gatewayId;
        this.metrics = metrics;
    }

    public synchronized void start(RouterFrameSink sink, EventLoopGroup loops, Class<? extends Channel> channelType) {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "starling-link-reconnect");
            thread.setDaemon(true);
            return thread;
        });
        GatewayConfig.Link link = config.link();
        List<String> routers = config.routers();
        for (int i = 0; i < routers.size(); i++) {
            RouterLink routerLink = new RouterLink(i, routers.get(i).trim(), gatewayId.value(), link.queueSize(),
                    link.batchSize(), new Backoff(link.reconnectMin(), link.reconnectMax()), sink, scheduler,
                    new LinkLoop(loops.next(), channelType), fleet, metrics);
            links.add(routerLink);
            routerLink.start();
            long heartbeatMillis = link.heartbeatInterval().toMillis();
            scheduler.scheduleAtFixedRate(() -> routerLink.heartbeat(heartbeat()), heartbeatMillis, heartbeatMillis,
                    TimeUnit.MILLISECONDS);
        }
        LOG.infof("Gateway %s linking to routers %s", gatewayId.value(), routers);
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

    public int routerIndexFor(String clientId) {
        return RouterChoice.indexFor(clientId, links.size());
    }

    public boolean isUpFor(String clientId) {
        return links.get(routerIndexFor(clientId)).isUp();
    }

    /** False when the event could not be queued (link queue full); the event is counted as dropped. */
    public boolean send(String clientId, GatewayEvent event) {
        boolean queued = links.get(routerIndexFor(clientId)).send(event);
        if (!queued) {
            metrics.linkEventDropped();
        }
        return queued;
    }

    /** Whether the link to this router (an index from {@link #routerIndexFor}) holds so much that its senders should stop reading. */
    public boolean congested(int routerIndex) {
        return links.get(routerIndex).congested();
    }

    /** Runs the task (on any thread) once the link to this router has drained. */
    public void whenDrained(int routerIndex, Runnable task) {
        links.get(routerIndex).whenDrained(task);
    }

    public boolean allUp() {
        return !links.isEmpty() && links.stream().allMatch(RouterLink::isUp);
    }

    /** How many router links have their stream open now. */
    public int upCount() {
        return (int) links.stream().filter(RouterLink::isUp).count();
    }

    /** How many routers this gateway links to (its configured list; zero once stopped). */
    public int count() {
        return links.size();
    }

    public synchronized void stop(Duration timeout) {
        long perLink = Math.max(100, timeout.toMillis() / Math.max(1, links.size()));
        for (RouterLink link : links) {
            link.stop(perLink);
        }
        links.clear();
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
