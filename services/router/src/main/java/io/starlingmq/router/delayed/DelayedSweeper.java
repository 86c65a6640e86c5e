package io.starlingmq.router.delayed;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.starlingmq.router.events.MessageMapping;
import io.starlingmq.router.index.RouterReadiness;
import io.starlingmq.router.session.PublishRouter;
import io.starlingmq.store.DelayedClaim;
import io.starlingmq.store.DelayedMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Publishes due delayed messages. Each tick claims due messages in batches until none is left, publishes
 * them one after another through the normal routing path, then removes the published ones from the store.
 * A message whose routing failed stays claimed and is published again once its claim lapses. Ticks that
 * come while a sweep runs are dropped, so sweeps never overlap. Any router may publish any message.
 */
@ApplicationScoped
public class DelayedSweeper {

    private static final Logger LOG = Logger.getLogger(DelayedSweeper.class);

    @Inject
    DelayedMessages store;
    @Inject
    PublishRouter publishes;
    @Inject
    RouterReadiness readiness;
    @Inject
    DelayedMetrics metrics;
    @Inject
    DelayedConfig config;

    private volatile Cancellable ticks;

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        ticks = Multi.createFrom().ticks().every(config.sweep())
                .onOverflow().drop()
                .onItem().transformToUniAndConcatenate(tick -> sweepIfReady()
                        .onFailure().invoke(failure -> LOG.warnf(failure, "delayed-message sweep failed"))
                        .onFailure().recoverWithNull())
                .subscribe().with(ignored -> { });
    }

    void onStop(@Observes ShutdownEvent event) {
        if (ticks != null) {
            ticks.cancel();
        }
    }

    /** Waits for the indexes: a message published before they are loaded would miss its subscribers. */
    private Uni<Void> sweepIfReady() {
        return readiness.isReady() ? sweep(System.currentTimeMillis()) : Uni.createFrom().voidItem();
    }

    /** Publishes what is due at {@code nowMillis}, batch after batch. */
    Uni<Void> sweep(long nowMillis) {
        return store.claimDue(nowMillis, config.batchSize()).chain(claims -> {
            if (claims.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Uni<Void> published = publishAll(claims);
            return claims.size() < config.batchSize() ? published : published.chain(() -> sweep(nowMillis));
        });
    }

    private Uni<Void> publishAll(List<DelayedClaim> claims) {
        List<String> done = new ArrayList<>(claims.size());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (DelayedClaim claim : claims) {
            chain = chain.chain(() -> publishes.routeInternal(MessageMapping.toMessage(claim.message()))
                    .invoke(() -> done.add(claim.id()))
                    .onFailure().invoke(failure -> LOG.warnf(failure,
                            "publishing the delayed message for %s failed; it is retried when its claim lapses",
                            claim.message().topic()))
                    .onFailure().recoverWithNull());
        }
        return chain.chain(() -> store.remove(done)).invoke(() -> {
            metrics.published(done.size());
            LOG.debugf("%d delayed messages published", done.size());
        });
    }
}
