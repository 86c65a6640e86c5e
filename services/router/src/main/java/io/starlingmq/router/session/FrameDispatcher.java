package io.starlingmq.router.session;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.starlingmq.contract.link.v1.GatewayEvent;
import io.starlingmq.contract.link.v1.Publish;
import io.starlingmq.router.delayed.DelayedPublishes;
import io.starlingmq.router.link.FrameHandler;
import io.starlingmq.router.link.GatewayLink;
import io.starlingmq.router.link.LinkSession;
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
 * routed ones splits their run, so every event is still handled after the ones sent before it. Client
 * events follow the open and close they report.
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

    @Override
    public Uni<Void> handle(GatewayLink link, List<GatewayEvent> events) {
        List<Supplier<Uni<Void>>> steps = new ArrayList<>();
        List<Publish> publishRun = new ArrayList<>();
        boolean delayedRun = false;
        for (GatewayEvent event : events) {
            if (event.getEventCase() == GatewayEvent.EventCase.PUBLISH) {
                boolean delayedPublish = delayed.takes(event.getPublish());
                if (delayedPublish != delayedRun) {
                    flushPublishes(link, publishRun, delayedRun, steps);
                    delayedRun = delayedPublish;
                }
                publishRun.add(event.getPublish());
                continue;
            }
            flushPublishes(link, publishRun, delayedRun, steps);
            steps.add(() -> dispatch(link, event));
        }
        flushPublishes(link, publishRun, delayedRun, steps);
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

    private void flushPublishes(GatewayLink link, List<Publish> run, boolean delayedRun,
                                List<Supplier<Uni<Void>>> steps) {
        if (!run.isEmpty()) {
            List<Publish> batch = List.copyOf(run);
            run.clear();
            steps.add(delayedRun ? () -> delayed.schedule(link, batch) : () -> publishes.route(link, batch));
        }
    }

    private Uni<Void> dispatch(GatewayLink link, GatewayEvent event) {
        return switch (event.getEventCase()) {
            case SESSION_OPEN -> sessions.open(link, event.getSessionOpen())
                    .chain(() -> clientEvents.opened(link, event.getSessionOpen()));
            case SESSION_CLOSE -> sessions.close(link, event.getSessionClose())
                    .chain(() -> clientEvents.closed(link, event.getSessionClose()));
            case SUBSCRIBE -> subscriptions.subscribe(link, event.getSubscribe());
            case UNSUBSCRIBE -> subscriptions.unsubscribe(link, event.getUnsubscribe());
            case DELIVERY_ACK -> acks.ack(link, event.getDeliveryAck());
            case PUBLISH_RELEASE -> releases.release(link, event.getPublishRelease());
            case HEARTBEAT -> Uni.createFrom().voidItem();
            case HELLO, PUBLISH, EVENT_NOT_SET -> {
                LOG.debugf("gateway %s sent an unexpected %s event: ignored", link.gatewayId(), event.getEventCase());
                yield Uni.createFrom().voidItem();
            }
        };
    }
}
