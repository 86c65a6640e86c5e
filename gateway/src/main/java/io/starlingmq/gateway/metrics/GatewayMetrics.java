package io.starlingmq.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway's meters: live connections and those asked to leave (by reason), messages per second,
 * packets in and out by type, dropped (by reason), expired and oversize deliveries, and how often connections stopped reading
 * to hold their clients back (by reason).
 */
@ApplicationScoped
public class GatewayMetrics {

    /** A QoS 1/2 delivery to a clean session found its window and the queue behind it full. */
    public static final String DROP_QUEUE_FULL = "queue_full";
    /** A QoS 0 delivery found the connection's write buffer above its high-water mark: the client reads too slowly. */
    public static final String DROP_WRITE_BUFFER_FULL = "write_buffer_full";
    /** Reading stopped because the connection's router link was congested. */
    public static final String PAUSE_LINK = "link_congested";
    /** Reading stopped because the client's unconfirmed QoS 1/2 publishes reached the announced Receive Maximum. */
    public static final String PAUSE_WINDOW = "inbound_window_full";
    /** A client was asked to leave because this gateway is shutting down. */
    public static final String LEAVE_DRAIN = "drain";
    /** A client was asked to leave because this gateway held more than its share of the fleet's connections. */
    public static final String LEAVE_REBALANCE = "rebalance";
    /** Asked to reconnect because its client id maps to another router now. */
    public static final String LEAVE_ROUTER_MOVE = "router_move";

    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger draining = new AtomicInteger();
    private final MessageRate messageRate = new MessageRate();
    private ScheduledExecutorService sampler;
    private final Map<String, Counter> askedToLeave;
    private final Map<MqttMessageType, Counter> packetsIn = new EnumMap<>(MqttMessageType.class);
    private final Map<MqttMessageType, Counter> packetsOut = new EnumMap<>(MqttMessageType.class);
    private final Map<String, Counter> deliveriesDropped;
    private final Map<String, Counter> readsPaused;
    private final Counter linkEventsDropped;
    private final Counter deliveriesExpired;
    private final Counter deliveriesTooLarge;
    private final TrafficMeters traffic;
    private final MeterRegistry registry;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.traffic = new TrafficMeters(registry);
        Gauge.builder("starling.gateway.connections", connections, AtomicInteger::get)
                .description("Open MQTT connections")
                .register(registry);
        Gauge.builder("starling.gateway.connections.draining", draining, AtomicInteger::get)
                .description("Connections asked to leave and not closed yet")
                .register(registry);
        Gauge.builder("starling.gateway.messages.rate", messageRate, MessageRate::perSecond)
                .description("Messages (PUBLISH in and out) per second over the last ten seconds")
                .register(registry);
        askedToLeave = Map.of(LEAVE_DRAIN, leaveCounter(registry, LEAVE_DRAIN),
                LEAVE_REBALANCE, leaveCounter(registry, LEAVE_REBALANCE),
                LEAVE_ROUTER_MOVE, leaveCounter(registry, LEAVE_ROUTER_MOVE));
        for (MqttMessageType type : MqttMessageType.values()) {
            packetsIn.put(type, packetCounter(registry, "starling.gateway.packets.in", type));
            packetsOut.put(type, packetCounter(registry, "starling.gateway.packets.out", type));
        }
        deliveriesDropped = Map.of(
                DROP_QUEUE_FULL, dropCounter(registry, DROP_QUEUE_FULL),
                DROP_WRITE_BUFFER_FULL, dropCounter(registry, DROP_WRITE_BUFFER_FULL));
        readsPaused = Map.of(
                PAUSE_LINK, pauseCounter(registry, PAUSE_LINK),
                PAUSE_WINDOW, pauseCounter(registry, PAUSE_WINDOW));
        deliveriesExpired = Counter.builder("starling.gateway.deliveries.expired")
                .description("Deliveries not sent because their message expired before they could be written")
                .register(registry);
        deliveriesTooLarge = Counter.builder("starling.gateway.deliveries.oversize")
                .description("Deliveries not sent because they exceed the client's Maximum Packet Size")
                .register(registry);
        linkEventsDropped = Counter.builder("starling.gateway.link.events.dropped")
                .description("Events not sent because a router link queue was full")
                .register(registry);
    }

    private static Counter dropCounter(MeterRegistry registry, String reason) {
        return Counter.builder("starling.gateway.deliveries.dropped")
                .description("Deliveries dropped at a subscriber that did not keep up, by reason")
                .tag("reason", reason)
                .register(registry);
    }

    private static Counter pauseCounter(MeterRegistry registry, String reason) {
        return Counter.builder("starling.gateway.reads.paused")
                .description("Times a connection stopped reading its socket to hold its client back, by reason")
                .tag("reason", reason)
                .register(registry);
    }

    private static Counter leaveCounter(MeterRegistry registry, String reason) {
        return Counter.builder("starling.gateway.clients.asked.to.leave")
                .description("Clients asked to leave (MQTT 5 DISCONNECT 0x8B or 0x9C, 3.1.1 closed), by reason")
                .tag("reason", reason)
                .register(registry);
    }

    private static Counter packetCounter(MeterRegistry registry, String name, MqttMessageType type) {
        return Counter.builder(name).tag("type", type.name()).register(registry);
    }

    /** PUBLISH packets by QoS and MQTT bytes, in and out. */
    public TrafficMeters traffic() {
        return traffic;
    }

    /** The meters of the link to {@code router}. */
    public LinkMeters link(String router) {
        return new LinkMeters(registry, router);
    }

    public void connectionOpened() {
        connections.incrementAndGet();
    }

    public void connectionClosed() {
        connections.decrementAndGet();
    }

    /** Open MQTT connections now. */
    /** PUBLISH packets in and out per second over the last ten seconds. */
    public double messagesPerSecond() {
        return messageRate.perSecond();
    }

    public int openConnections() {
        return connections.get();
    }

    /** A client was asked to leave; until {@link #leftAfterAsked()} it counts as draining. @param reason {@link #LEAVE_DRAIN} or {@link #LEAVE_REBALANCE} */
    public void askedToLeave(String reason) {
        askedToLeave.get(reason).increment();
        draining.incrementAndGet();
    }

    /** A connection asked to leave has closed. */
    public void leftAfterAsked() {
        draining.decrementAndGet();
    }

    public void packetIn(MqttMessageType type) {
        packetsIn.get(type).increment();
        if (type == MqttMessageType.PUBLISH) {
            messageRate.record();
        }
    }

    public void packetOut(MqttMessageType type) {
        packetsOut.get(type).increment();
        if (type == MqttMessageType.PUBLISH) {
            messageRate.record();
        }
    }

    void onStart(@Observes StartupEvent event) {
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "starling-message-rate");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(messageRate::sample, 0, 1, TimeUnit.SECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (sampler != null) {
            sampler.shutdownNow();
        }
    }

    /** @param reason {@link #DROP_QUEUE_FULL} or {@link #DROP_WRITE_BUFFER_FULL} */
    public void deliveryDropped(String reason) {
        deliveriesDropped.get(reason).increment();
    }

    /** @param reason {@link #PAUSE_LINK} or {@link #PAUSE_WINDOW} */
    public void readingPaused(String reason) {
        readsPaused.get(reason).increment();
    }

    public void deliveryExpired() {
        deliveriesExpired.increment();
    }

    public void deliveryTooLarge() {
        deliveriesTooLarge.increment();
    }

    public void linkEventDropped() {
        linkEventsDropped.increment();
    }
}
