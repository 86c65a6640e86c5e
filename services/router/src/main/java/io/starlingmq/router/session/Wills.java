package io.starlingmq.router.session;

import io.smallrye.mutiny.Uni;
import io.starlingmq.contract.link.v1.SessionOpen;
import io.starlingmq.router.events.MessageMapping;
import io.starlingmq.router.routing.MessageExpiry;
import io.starlingmq.store.Holder;
import io.starlingmq.store.SessionStore;
import io.starlingmq.store.StoredMessage;
import io.starlingmq.store.Will;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * The will of each connection: stored with its session at open, removed or scheduled at close, and
 * published through the normal routing path when it is due.
 */
@ApplicationScoped
public class Wills {

    private static final Logger LOG = Logger.getLogger(Wills.class);

    @Inject
    SessionStore store;
    @Inject
    PublishRouter publishes;

    /**
     * Gives the session the new connection's will (or none), which cancels a will still waiting for its
     * delay; publishes at once the previous connection's will that the store answers (any, when the new
     * connection starts clean and so ends the session; else that of a live connection without delay).
     */
    public Uni<Void> opened(SessionOpen open, Holder holder, long expirySeconds) {
        long now = System.currentTimeMillis();
        Will will = open.hasWill() ? new Will(MessageMapping.toStored(
                MessageExpiry.received(open.getWill().getMessage(), now), now),
                Math.min(Integer.toUnsignedLong(open.getWill().getDelayInterval()), expirySeconds)) : null;
        return store.putWill(open.getClientId(), holder, will, open.getCleanStart()).chain(this::publish);
    }

    /** The connection ended: {@code send} is false only for a normal DISCONNECT. */
    public Uni<Void> closed(String clientId, Holder holder, boolean send, long expirySeconds) {
        return store.endWill(clientId, holder, send, expirySeconds).chain(this::publish)
                .onFailure().invoke(failure -> LOG.errorf(failure, "ending the will of %s failed", clientId))
                .onFailure().recoverWithNull();
    }

    /** Publishes the wills whose delay passed, one after another. */
    public Uni<Integer> publishDue(long nowMillis) {
        return store.willsDue(nowMillis).chain(due -> publishAll(due).replaceWith(due.size()));
    }

    private Uni<Void> publishAll(List<StoredMessage> due) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (StoredMessage will : due) {
            chain = chain.chain(() -> publish(will));
        }
        return chain;
    }

    private Uni<Void> publish(StoredMessage will) {
        if (will == null) {
            return Uni.createFrom().voidItem();
        }
        LOG.debugf("publishing the will of %s on %s", will.publisher(), will.topic());
        return publishes.routeInternal(MessageMapping.toMessage(will));
    }
}
