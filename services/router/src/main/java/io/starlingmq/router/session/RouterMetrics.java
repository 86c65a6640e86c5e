package io.starlingmq.router.session;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.starlingmq.router.banned.BannedClients;
import io.starlingmq.router.index.RetainedIndex;
import io.starlingmq.router.index.SessionDirectory;
import io.starlingmq.router.index.SubscriptionIndex;
import io.starlingmq.router.link.GatewayRegistry;
import io.starlingmq.router.link.OutboundCongestion;
import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The router's Micrometer meters; created at start so every meter is exported from the first scrape. */
@Startup
@Singleton
public class RouterMetrics {

    private final Counter routed;
    private final Counter delivered;
    private final Counter dropped;
    private final Counter expired;
    private final Counter sharedUndeliverable;
    private final Counter refusedBanned;
    private final Counter[] routedByQos = new Counter[3];
    private final Counter droppedQueueFull;
    private final Counter droppedExpired;
    private final Counter sessionsExpired;

    @Inject
    public RouterMetrics(MeterRegistry registry, SessionDirectory directory, GatewayRegistry gateways,
                         BannedClients banned, SubscriptionIndex subscriptions, RetainedIndex retained,
                         OutboundCongestion congestion) {
        routed = Counter.builder("starling.router.messages.routed")
                .description("Published messages routed").register(registry);
        delivered = Counter.builder("starling.router.messages.delivered")
                .description("Deliveries sent to gateways").register(registry);
        dropped = Counter.builder("starling.router.messages.dropped")
                .description("Messages dropped because a session queue was full").register(registry);
        expired = Counter.builder("starling.router.messages.expired")
                .description("Messages not delivered because their expiry interval had passed").register(registry);
        sharedUndeliverable = Counter.builder("starling.router.shared.undeliverable")
                .description("Shared deliveries handed back by a leaving member that no other member could take")
                .register(registry);
        for (int qos = 0; qos < routedByQos.length; qos++) {
            routedByQos[qos] = Counter.builder("starling.router.messages.routed.by.qos").tag("qos", Integer.toString(qos))
                    .description("Published messages routed, by the publisher's QoS").register(registry);
        }
        droppedQueueFull = Counter.builder("starling.router.messages.dropped.by.reason").tag("reason", "queue_full")
                .description("Messages the router dropped, by reason").register(registry);
        droppedExpired = Counter.builder("starling.router.messages.dropped.by.reason").tag("reason", "expired")
                .description("Messages the router dropped, by reason").register(registry);
        sessionsExpired = Counter.builder("starling.router.sessions.expired")
                .description("Offline sessions removed because their expiry passed").register(registry);
        FunctionCounter.builder("starling.router.link.congested", congestion, OutboundCongestion::episodes)
                .description("Times the router stopped reading every gateway stream because one was congested")
                .register(registry);
        Gauge.builder("starling.router.sessions", directory, SessionDirectory::size)
                .description("Sessions in the directory, offline persistent ones included").register(registry);
        Gauge.builder("starling.router.subscriptions", subscriptions, SubscriptionIndex::size)
                .description("Subscriptions in the index, shared ones included").register(registry);
        Gauge.builder("starling.router.retained.messages", retained, RetainedIndex::size)
                .description("Retained messages in the index").register(registry);
        refusedBanned = Counter.builder("starling.router.connects.refused").tag("reason", "banned")
                .description("CONNECTs refused by this router").register(registry);
        Gauge.builder("starling.router.banned", banned, b -> b.list().size())
                .description("Entries of the banned list, lapsed ones included until swept").register(registry);
        Gauge.builder("starling.router.sessions.online", directory, SessionDirectory::onlineCount)
                .description("Sessions with a live connection").register(registry);
        Gauge.builder("starling.router.gateway.streams", gateways, GatewayRegistry::size)
                .description("Gateway streams linked to this router").register(registry);
    }

    public void refusedBanned() {
        refusedBanned.increment();
    }

    public void routed(int qos) {
        routed.increment();
        routedByQos[Math.min(Math.max(qos, 0), 2)].increment();
    }

    public void sessionsExpired(int count) {
        sessionsExpired.increment(count);
    }

    public void delivered(int count) {
        delivered.increment(count);
    }

    public void dropped(int count) {
        dropped.increment(count);
        droppedQueueFull.increment(count);
    }

    public void expired(int count) {
        expired.increment(count);
        droppedExpired.increment(count);
    }

    public void sharedUndeliverable(int count) {
        sharedUndeliverable.increment(count);
    }
}
