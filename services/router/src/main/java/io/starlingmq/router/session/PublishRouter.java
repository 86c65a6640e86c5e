package io.starlingmq.router.session;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.starlingmq.contract.link.v1.DeliveryAck;
import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.contract.link.v1.Publish;
import io.starlingmq.contract.link.v1.RouterEvent;
import io.starlingmq.contract.reason.PubackReason;
import io.starlingmq.router.events.MessageMapping;
import io.starlingmq.router.events.RouterEvents;
import io.starlingmq.router.index.Matches;
import io.starlingmq.router.index.RetainedIndex;
import io.starlingmq.router.index.SessionDirectory;
import io.starlingmq.router.index.SubscriptionIndex;
import io.starlingmq.router.link.GatewayLink;
import io.starlingmq.router.routing.AddressedMessage;
import io.starlingmq.router.routing.MessageExpiry;
import io.starlingmq.router.routing.OverlappingSubscriptions;
import io.starlingmq.router.routing.SharedGroupChooser;
import io.starlingmq.store.SessionStore;
import io.starlingmq.store.StoredMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Routes the publishes of one frame: QoS 2 resends of persistent publishers set aside, retained messages
 * stored, subscribers matched, clean and QoS 0 deliveries sent straight to their gateways, persistent
 * QoS > 0 deliveries appended with ONE store call, routed QoS 2 packet ids recorded, and only then
 * PublishDone for every QoS > 0 publish.
 */
@ApplicationScoped
public class PublishRouter {

    private static final Logger LOG = Logger.getLogger(PublishRouter.class);

    @Inject
    SessionStore store;
    @Inject
    SubscriptionIndex index;
    @Inject
    RetainedIndex retained;
    @Inject
    SessionDirectory directory;
    @Inject
    Deliveries deliveries;
    @Inject
    SessionQueues queues;
    @Inject
    RouterMetrics metrics;
    @Inject
    InboundReceipts receipts;
    @Inject
    SharedGroupChooser chooser;
    @Inject
    DeliveryAcks acks;

    /** What became of one publish of the frame. */
    private static final class Outcome {
        final Publish publish;
        /** The message as routed: every session it goes to shares it. */
        final Message message;
        /** A QoS 2 resend of a message routed before: answered, not routed. */
        final boolean resend;
        boolean matched;
        boolean queued;
        boolean failed;

        Outcome(Publish publish, Message message, boolean resend) {
            this.publish = publish;
            this.message = message;
            this.resend = resend;
        }

        PubackReason reasonCode() {
            return failed ? PubackReason.UNSPECIFIED_ERROR
                    : resend || matched ? PubackReason.SUCCESS : PubackReason.NO_MATCHING_SUBSCRIBERS;
        }
    }

    public Uni<Void> route(GatewayLink link, List<Publish> publishes) {
        return route(link, publishes, List.of());
    }

    /**
     * Routes publishes after freeing the windows of {@code completions} (PUBACKs and PUBCOMPs of the same
     * frame): the store frees them just before it appends this batch's messages, in the same round trip.
     */
    public Uni<Void> route(GatewayLink link, List<Publish> publishes, List<DeliveryAck> completions) {
        long now = System.currentTimeMillis();
        return receipts.resends(publishes).chain(resends -> {
            // Plain loops: this runs for every publish, and streams were a visible share of its garbage.
            List<Outcome> outcomes = new ArrayList<>(publishes.size());
            List<Outcome> fresh = new ArrayList<>(publishes.size());
            for (Publish p : publishes) {
                boolean resend = !resends.isEmpty() && resends.contains(InboundReceipts.Key.of(p));
                Outcome outcome = new Outcome(p, MessageExpiry.received(p.getMessage(), now), resend);
                outcomes.add(outcome);
                if (!resend) {
                    fresh.add(outcome);
                }
            }
            return storeRetained(fresh)
                    .onItem().transformToUni(ignored -> enqueue(link, completions, match(fresh, now), fresh))
                    .onItem().transformToUni(ignored -> recordReceived(fresh))
                    .invoke(ignored -> answer(link, outcomes));
        });
    }

    /** Whether a publish to {@code topic} now would reach anyone: lets a non-retained broker message skip being built. */
    public boolean hasSubscribers(String topic) {
        return !index.match(topic).isEmpty();
    }

    /**
     * Routes a message the broker publishes itself (a will, a due delayed publish, a $SYS message) as a
     * publish of its publisher (retained when its retain flag says so), with no publisher to answer. Its
     * message expiry counts from now, when the broker publishes it.
     */
    public Uni<Void> routeInternal(Message own) {
        long now = System.currentTimeMillis();
        Message message = MessageExpiry.received(own, now);
        Publish publish = Publish.newBuilder().setClientId(message.getPublisher()).setMessage(message).build();
        List<Outcome> outcomes = List.of(new Outcome(publish, message, false));
        return storeRetained(outcomes).onItem().transformToUni(ignored -> enqueue(match(outcomes, now), outcomes));
    }

    /** QoS 2 packet ids of routed messages join their publishers' received sets before PUBREC is sent. */
    private Uni<Void> recordReceived(List<Outcome> routed) {
        if (!anyQos2(routed)) {
            return Uni.createFrom().voidItem();
        }
        List<Outcome> recorded = routed.stream().filter(o -> !o.failed).toList();
        return receipts.record(recorded.stream().map(o -> o.publish).toList())
                .onFailure().invoke(failure -> {
                    LOG.errorf(failure, "recording received QoS 2 packet ids failed");
                    recorded.stream().filter(o -> o.message.getQos() == 2).forEach(o -> o.failed = true);
                })
                .onFailure().recoverWithNull();
    }

    private static boolean anyQos2(List<Outcome> outcomes) {
        for (Outcome o : outcomes) {
            if (o.message.getQos() == 2) {
                return true;
            }
        }
        return false;
    }

    /** Retained messages first, in order, so a subscriber arriving next already finds them. */
    private Uni<Void> storeRetained(List<Outcome> outcomes) {
        if (!anyRetained(outcomes)) {
            return Uni.createFrom().voidItem();
        }
        long now = System.currentTimeMillis();
        List<Outcome> retaining = outcomes.stream().filter(o -> o.message.getRetain()).toList();
        return Multi.createFrom().iterable(retaining)
                .onItem().transformToUniAndConcatenate(o -> store.retain(MessageMapping.toStored(o.message, now))
                        .invoke(() -> retained.set(o.message))
                        .onFailure().invoke(failure -> {
                            LOG.errorf(failure, "storing the retained message of %s failed", o.message.getTopic());
                            o.failed = true;
                        })
                        .onFailure().recoverWithNull())
                .collect().last()
                .replaceWithVoid();
    }

    /**
     * Sends the direct deliveries; answers the messages to queue, per persistent session, in order. A session
     * gets one delivery for all its matching subscriptions ({@link OverlappingSubscriptions}), and one more per
     * shared group in which it is the chosen member. A message just received is not checked for expiry: it is
     * delivered or queued at once (an interval of 0 still reaches the sessions it is routed to now).
     */
    private Map<String, List<StoredMessage>> match(List<Outcome> outcomes, long now) {
        DeliveryBatch batch = new DeliveryBatch(directory, now);
        for (Outcome outcome : outcomes) {
            metrics.routed(outcome.message.getQos());
            String publisher = outcome.publish.getClientId();
            Matches matches = index.match(outcome.message.getTopic());
            matches.bySession().forEach((clientId, subscriptions) -> {
                AddressedMessage addressed = OverlappingSubscriptions.address(outcome.message, publisher, clientId,
                        subscriptions);
                if (addressed != null) {
                    outcome.matched = true;
                    outcome.queued |= batch.add(clientId, addressed) == DeliveryBatch.Route.QUEUED;
                }
            });
            matches.sharedGroups().forEach((group, members) -> {
                outcome.matched = true;
                Matches.Member chosen = chooser.choose(group, members, publisher, null);
                if (chosen != null) {
                    AddressedMessage addressed = OverlappingSubscriptions.addressShared(outcome.message, group, chosen);
                    outcome.queued |= batch.add(chosen.clientId(), addressed) == DeliveryBatch.Route.QUEUED;
                }
            });
        }
        return batch.sendDirect(deliveries);
    }

    private Uni<Void> enqueue(GatewayLink link, List<DeliveryAck> completions, Map<String, List<StoredMessage>> toQueue,
            List<Outcome> outcomes) {
        if (completions.isEmpty()) {
            return enqueue(toQueue, outcomes);
        }
        return queueingFailed(queues.ackAllThenEnqueue(acks.storeCalls(link, completions), toQueue, acks::sendReleased)
                .onFailure().invoke(failure -> acks.failed(link, completions, failure)), toQueue, outcomes);
    }

    private Uni<Void> enqueue(Map<String, List<StoredMessage>> toQueue, List<Outcome> outcomes) {
        return queueingFailed(queues.enqueue(toQueue), toQueue, outcomes);
    }

    /** A failed store call fails the PublishDone of every publish it was to queue. */
    private static Uni<Void> queueingFailed(Uni<Void> queueing, Map<String, List<StoredMessage>> toQueue,
            List<Outcome> outcomes) {
        return queueing
                .onFailure().invoke(failure -> {
                    LOG.errorf(failure, "queueing %d sessions' messages failed", toQueue.size());
                    outcomes.stream().filter(o -> o.queued).forEach(o -> o.failed = true);
                })
                .onFailure().recoverWithNull();
    }

    private static boolean anyRetained(List<Outcome> outcomes) {
        for (Outcome o : outcomes) {
            if (o.message.getRetain()) {
                return true;
            }
        }
        return false;
    }

    private void answer(GatewayLink link, List<Outcome> outcomes) {
        List<RouterEvent> done = new ArrayList<>(outcomes.size());
        for (Outcome o : outcomes) {
            if (o.message.getQos() > 0) {
                done.add(RouterEvents.publishDone(o.publish.getConnectionId(), o.publish.getPacketId(), o.reasonCode()));
            }
        }
        link.sender().sendAll(done);
    }
}
