package io.starlingmq.router.delayed;

import io.smallrye.mutiny.Uni;
import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.contract.link.v1.Publish;
import io.starlingmq.contract.link.v1.RouterEvent;
import io.starlingmq.contract.reason.PubackReason;
import io.starlingmq.router.events.MessageMapping;
import io.starlingmq.router.events.RouterEvents;
import io.starlingmq.router.link.GatewayLink;
import io.starlingmq.router.routing.MessageExpiry;
import io.starlingmq.router.session.InboundReceipts;
import io.starlingmq.store.DelayedMessage;
import io.starlingmq.store.DelayedMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Takes the {@code $delayed/} publishes of a frame: malformed topics refused (0x90), QoS 2 resends of
 * persistent publishers set aside, the rest stored with ONE store call, QoS 2 packet ids recorded, and only
 * then PublishDone for every QoS > 0 publish: 0x00 stored, 0x97 the store is full, 0x80 the store failed.
 */
@ApplicationScoped
public class DelayedPublishes {

    private static final Logger LOG = Logger.getLogger(DelayedPublishes.class);

    @Inject
    DelayedMessages store;
    @Inject
    InboundReceipts receipts;
    @Inject
    DelayedMetrics metrics;
    @Inject
    DelayedConfig config;

    /** What became of one publish. */
    private static final class Outcome {
        final Publish publish;
        final Optional<DelayedTopic> target;
        PubackReason reasonCode = PubackReason.SUCCESS;

        Outcome(Publish publish) {
            this.publish = publish;
            this.target = DelayedTopic.parse(publish.getMessage().getTopic());
            if (target.isEmpty()) {
                reasonCode = PubackReason.TOPIC_NAME_INVALID;
            }
        }
    }

    /** Whether this router keeps {@code publish} for later instead of routing it now. */
    public boolean takes(Publish publish) {
        return config.enabled() && DelayedTopic.isDelayed(publish.getMessage().getTopic());
    }

    public Uni<Void> schedule(GatewayLink link, List<Publish> publishes) {
        long now = System.currentTimeMillis();
        List<Outcome> outcomes = publishes.stream().map(Outcome::new).toList();
        outcomes.stream().filter(o -> o.target.isEmpty()).forEach(o -> {
            metrics.invalid();
            LOG.debugf("%s published to the malformed delayed topic %s", o.publish.getClientId(),
                    o.publish.getMessage().getTopic());
        });
        List<Outcome> valid = outcomes.stream().filter(o -> o.target.isPresent()).toList();
        return receipts.resends(valid.stream().map(o -> o.publish).toList())
                .chain(resends -> {
                    List<Outcome> fresh = valid.stream()
                            .filter(o -> !resends.contains(new InboundReceipts.Key(o.publish.getClientId(),
                                    o.publish.getPacketId())))
                            .toList();
                    return store(fresh, now).chain(() -> recordReceived(fresh));
                })
                .invoke(() -> answer(link, outcomes));
    }

    private Uni<Void> store(List<Outcome> fresh, long now) {
        if (fresh.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<DelayedMessage> messages = fresh.stream().map(o -> delayed(o, now)).toList();
        return store.schedule(messages)
                .invoke(kept -> {
                    int refused = 0;
                    for (int i = 0; i < fresh.size(); i++) {
                        if (!kept.get(i)) {
                            fresh.get(i).reasonCode = PubackReason.QUOTA_EXCEEDED;
                            refused++;
                        }
                    }
                    metrics.scheduled(fresh.size() - refused);
                    metrics.refused(refused);
                })
                .onFailure().invoke(failure -> {
                    LOG.errorf(failure, "storing %d delayed messages failed", fresh.size());
                    fresh.forEach(o -> o.reasonCode = PubackReason.UNSPECIFIED_ERROR);
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private static DelayedMessage delayed(Outcome outcome, long now) {
        DelayedTopic target = outcome.target.orElseThrow();
        Message message = outcome.publish.getMessage().toBuilder().setTopic(target.topic()).build();
        return new DelayedMessage(now + target.delaySeconds() * 1000,
                MessageMapping.toStored(MessageExpiry.received(message, now), now));
    }

    /** QoS 2 packet ids of stored messages join their publishers' received sets before PUBREC is sent. */
    private Uni<Void> recordReceived(List<Outcome> fresh) {
        List<Outcome> stored = fresh.stream().filter(o -> o.reasonCode == PubackReason.SUCCESS).toList();
        return receipts.record(stored.stream().map(o -> o.publish).toList())
                .onFailure().invoke(failure -> {
                    LOG.errorf(failure, "recording received QoS 2 packet ids of delayed publishes failed");
                    stored.stream().filter(o -> o.publish.getMessage().getQos() == 2)
                            .forEach(o -> o.reasonCode = PubackReason.UNSPECIFIED_ERROR);
                })
                .onFailure().recoverWithNull();
    }

    private static void answer(GatewayLink link, List<Outcome> outcomes) {
        List<RouterEvent> done = new ArrayList<>(outcomes.size());
        for (Outcome o : outcomes) {
            if (o.publish.getMessage().getQos() > 0) {
                done.add(RouterEvents.publishDone(o.publish.getConnectionId(), o.publish.getPacketId(), o.reasonCode));
            }
        }
        link.sender().sendAll(done);
    }
}
