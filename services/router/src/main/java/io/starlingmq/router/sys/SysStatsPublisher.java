package io.starlingmq.router.sys;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.router.index.RetainedIndex;
import io.starlingmq.router.index.RouterReadiness;
import io.starlingmq.router.index.SessionDirectory;
import io.starlingmq.router.index.SubscriptionIndex;
import io.starlingmq.router.link.GatewayRegistry;
import io.starlingmq.router.session.PublishRouter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every {@code starling.router.sys.interval}, publishes this node's version, uptime, datetime, stats and
 * message metrics under {@code $SYS/brokers/{node}/}. Counts of sessions, subscriptions and retained messages
 * are the cluster's, as this router's replicas hold them; message metrics are this router's own.
 */
@ApplicationScoped
public class SysStatsPublisher {

    private static final Logger LOG = Logger.getLogger(SysStatsPublisher.class);

    @Inject
    SysConfig config;
    @Inject
    SysNode node;
    @Inject
    PublishRouter publishes;
    @Inject
    RouterReadiness readiness;
    @Inject
    SessionDirectory directory;
    @Inject
    SubscriptionIndex subscriptions;
    @Inject
    RetainedIndex retained;
    @Inject
    GatewayRegistry gateways;
    @Inject
    MeterRegistry meters;
    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String version;

    private volatile Cancellable ticks;

    void onStart(@Observes StartupEvent event) {
        if (config.interval().isZero() || config.interval().isNegative()) {
            return;
        }
        ticks = Multi.createFrom().ticks().every(config.interval())
                .onOverflow().drop()
                .onItem().transformToUniAndConcatenate(tick -> publishIfReady()
                        .onFailure().invoke(failure -> LOG.warnf(failure, "publishing $SYS stats failed"))
                        .onFailure().recoverWithNull())
                .subscribe().with(ignored -> { });
    }

    void onStop(@Observes ShutdownEvent event) {
        if (ticks != null) {
            ticks.cancel();
        }
    }

    private Uni<Void> publishIfReady() {
        return readiness.isReady() ? publish(System.currentTimeMillis()) : Uni.createFrom().voidItem();
    }

    Uni<Void> publish(long nowMillis) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Message message : messages(nowMillis)) {
            chain = chain.chain(() -> publishes.routeInternal(message));
        }
        return chain;
    }

    private List<Message> messages(long nowMillis) {
        List<Message> messages = new ArrayList<>();
        messages.add(text("version", version));
        messages.add(text("uptime", Long.toString((nowMillis - node.startedAtMillis()) / 1000)));
        messages.add(text("datetime", Instant.ofEpochMilli(nowMillis).toString()));
        messages.add(text("stats/connections/count", Long.toString(directory.onlineCount())));
        messages.add(text("stats/sessions/count", Integer.toString(directory.size())));
        messages.add(text("stats/subscriptions/count", Integer.toString(subscriptions.size())));
        messages.add(text("stats/retained/count", Integer.toString(retained.size())));
        messages.add(text("stats/gateways/count", Integer.toString(gateways.size())));
        counter("metrics/messages/received", "starling.router.messages.routed", messages);
        counter("metrics/messages/sent", "starling.router.messages.delivered", messages);
        counter("metrics/messages/dropped", "starling.router.messages.dropped", messages);
        return messages;
    }

    /** A metric of the router's meter registry; left out when the router does not register it. */
    private void counter(String path, String meter, List<Message> messages) {
        Counter counter = meters.find(meter).counter();
        if (counter != null) {
            messages.add(text(path, Long.toString((long) counter.count())));
        }
    }

    private Message text(String path, String value) {
        return SysMessages.text(SysTopics.node(node.name(), path), value);
    }
}
