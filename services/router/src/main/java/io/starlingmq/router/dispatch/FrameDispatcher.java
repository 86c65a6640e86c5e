package io.starlingmq.router.dispatch;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.starlingmq.contract.link.v1.DeliveryAck;
import io.starlingmq.contract.link.v1.GatewayEvent;
import io.starlingmq.contract.link.v1.Publish;
import io.starlingmq.router.delayed.DelayedPublishes;
import io.starlingmq.router.link.FrameHandler;
import io.starlingmq.router.link.GatewayLink;
import io.starlingmq.router.link.LinkSession;
import io.starlingmq.router.session.DeliveryAcks;
import io.starlingmq.router.session.PublishReleases;
import io.starlingmq.router.session.PublishRouter;
import io.starlingmq.router.session.SessionLifecycle;
import io.starlingmq.router.session.SubscriptionService;
import io.starlingmq.router.sys.ClientEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns a frame's events into steps run one after another, in the order sent. Consecutive publishes of one
 * kind form one step, so a frame full of publishes costs one store call: a run of publishes to routable
 * topics is routed, a run of {@code $delayed/} publishes is stored for later. A delayed publish between two
 * routed ones splits their run, so every publish is still handled after the ones sent before it. Client
 * events follow the open and close they report.
 *
 * <p>PUBACKs and PUBCOMPs join the run they arrive in and are freed before its publishes, in the store call
 * that appends a routed run's messages (one round trip for both): an acknowledgement refers to a delivery
 * sent before this frame was read, and freeing a window commutes with appending to a queue (the queue's
 * order is the same either way; only a full queue drops less). A heartbeat does nothing; every other event (open, close, subscribe, PUBREC, PUBREL) ends the run
 * and keeps its place.
 */
@ApplicationScoped
public class FrameDispatcher implements FrameHandler {

    private static final Logger LOG = Logger.getLogger(FrameDispatcher.class);

    @Inject
    SessionLifecycle sessions;
    @Inject
    SubscriptionService subscriptions;
    @Inject
    PublishRouter publishes;
    @Inject
    DeliveryAcks acks;
    @Inject
    PublishReleases releases;
    @Inject
    DelayedPublishes delayed;
    @Inject
    ClientEvents clientEvents;

    /** Publishes of one kind and the completing acks met among them. */
    private final class Run {
        private final List<Publish> publishRun = new ArrayList<>();
        private final List<DeliveryAck> completions = new ArrayList<>();
        private boolean delayedRun;

        boolean splitBy(boolean delayedPublish) {
            return !publishRun.isEmpty() && delayedPublish != delayedRun;
        }

        void add(Publish publish, boolean delayedPublish) {
            delayedRun = delayedPublish;
            publishRun.add(publish);
        }

        void addCompletion(DeliveryAck ack) {
            completions.add(ack);
        }

        void flushInto(GatewayLink link, List<Supplier<Uni<Void>>> steps) {
            List<DeliveryAck> acked = List.copyOf(completions);
            completions.clear();
            List<Publish> batch = List.copyOf(publishRun);
            publishRun.clear();
            if (!batch.isEmpty() && !delayedRun) {
                // The store frees the windows just before it appends the publishes: one round trip for both.
                steps.add(() -> publishes.route(link, batch, acked));
                return;
            }
            if (!acked.isEmpty()) {
                steps.add(() -> acks.completedAll(link, acked));
            }
            if (!batch.isEmpty()) {
                steps.add(() -> delayed.schedule(link, batch));
            }
        }
    }

    @Override
    public Uni<Void> handle(GatewayLink link, List<GatewayEvent> events) {
        List<Supplier<Uni<Void>>> steps = new ArrayList<>();
        Run run = new Run();
        for (GatewayEvent event : events) {
            if (event.getEventCase() == GatewayEvent.EventCase.PUBLISH) {
                boolean delayedPublish = delayed.takes(event.getPublish());
                if (run.splitBy(delayedPublish)) {
                    run.flushInto(link, steps);
                }
                run.add(event.getPublish(), delayedPublish);
            } else if (event.getEventCase() == GatewayEvent.EventCase.DELIVERY_ACK
                    && DeliveryAcks.completes(event.getDeliveryAck())) {
                run.addCompletion(event.getDeliveryAck());
            } else if (event.getEventCase() != GatewayEvent.EventCase.HEARTBEAT) {
                run.flushInto(link, steps);
                steps.add(() -> dispatch(link, event));
            }
        }
        run.flushInto(link, steps);
        return Multi.createFrom().iterable(steps)
                .onItem().transformToUniAndConcatenate(step -> step.get()
                        .onFailure().invoke(failure -> LOG.errorf(failure, "event of gateway %s failed", link.gatewayId()))
                        .onFailure().recoverWithNull())
                .collect().last()
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> streamLost(GatewayLink link, List<LinkSession> lost) {
        return sessions.connectionsLost(link, lost).chain(() -> clientEvents.lost(link, lost));
    }

    private Uni<Void> dispatch(GatewayLink link, GatewayEvent event) {
        return switch (event.getEventCase()) {
            case SESSION_OPEN -> sessions.open(link, event.getSessionOpen())
                    .chain(() -> clientEvents.opened(link, event.getSessionOpen()));
            case SESSION_CLOSE -> sessions.close(link, event.getSessionClose())
                    .chain(() -> clientEvents.closed(link, event.getSessionClose()));
            case SUBSCRIBE -> subscriptions.subscribe(link, event.getSubscribe());
            case UNSUBSCRIBE -> subscriptions.unsubscribe(link, event.getUnsubscribe());
            case DELIVERY_ACK -> acks.received(link, event.getDeliveryAck());
            case PUBLISH_RELEASE -> releases.release(link, event.getPublishRelease());
            case HELLO, PUBLISH, HEARTBEAT, EVENT_NOT_SET -> {
                LOG.debugf("gateway %s sent an unexpected %s event: ignored", link.gatewayId(), event.getEventCase());
                yield Uni.createFrom().voidItem();
            }
        };
    }
}
