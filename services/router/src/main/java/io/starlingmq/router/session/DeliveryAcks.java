package io.starlingmq.router.session;

import io.smallrye.mutiny.Uni;
import io.starlingmq.contract.link.v1.AckKind;
import io.starlingmq.contract.link.v1.DeliveryAck;
import io.starlingmq.contract.reason.DisconnectReason;
import io.starlingmq.router.events.RouterEvents;
import io.starlingmq.router.link.GatewayLink;
import io.starlingmq.store.AckResult;
import io.starlingmq.store.Holder;
import io.starlingmq.store.SessionAcks;
import io.starlingmq.store.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A subscriber's PUBACK or PUBCOMP frees its window in the store and queued messages released into it
 * are sent; its PUBREC is recorded first and only then is the gateway told to send PUBREL.
 */
@ApplicationScoped
public class DeliveryAcks {

    private static final Logger LOG = Logger.getLogger(DeliveryAcks.class);

    @Inject
    SessionStore store;
    @Inject
    Deliveries deliveries;
    @Inject
    RouterMetrics metrics;

    /**
     * PUBACKs and PUBCOMPs (never PUBREC) of one frame: grouped per connection, in the order sent, and freed
     * with one store call for all sessions. Each session's released messages are sent in the store's order.
     */
    public Uni<Void> completedAll(GatewayLink link, List<DeliveryAck> completions) {
        return store.ackAll(storeCalls(link, completions))
                .invoke(this::sendReleased)
                .onFailure().invoke(failure -> failed(link, completions, failure))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** The store calls of {@link #completedAll}: one per connection, its packet ids in the order sent. */
    List<SessionAcks> storeCalls(GatewayLink link, List<DeliveryAck> completions) {
        Map<Connection, List<Integer>> byConnection = new LinkedHashMap<>();
        for (DeliveryAck ack : completions) {
            byConnection.computeIfAbsent(new Connection(ack.getClientId(), ack.getConnectionId()),
                    c -> new ArrayList<>()).add(ack.getPacketId());
        }
        List<SessionAcks> calls = new ArrayList<>(byConnection.size());
        byConnection.forEach((connection, packetIds) -> calls.add(new SessionAcks(connection.clientId(),
                new Holder(link.gatewayId(), connection.connectionId()), packetIds)));
        return calls;
    }

    /** Sends what the freed windows released, and counts what expired meanwhile. */
    void sendReleased(List<AckResult> results) {
        for (AckResult result : results) {
            metrics.expired(result.expired());
            deliveries.sendQueued(result.holder(), result.released());
        }
    }

    /**
     * Acknowledgements the store did not take leave their entries in flight, holding window slots the client
     * thinks are free; nothing would send the session more. Their connections are ended (0x89 Server busy), so
     * each client resumes its session and the store resends what it still holds in flight.
     */
    void failed(GatewayLink link, List<DeliveryAck> completions, Throwable failure) {
        LOG.errorf(failure, "%d acknowledgements of gateway %s failed; ending their connections", completions.size(),
                link.gatewayId());
        endConnections(link, completions.stream().map(DeliveryAck::getConnectionId).distinct().toList());
    }

    private static void endConnections(GatewayLink link, List<Long> connectionIds) {
        link.sender().sendAll(connectionIds.stream()
                .map(connectionId -> RouterEvents.kick(connectionId, DisconnectReason.SERVER_BUSY)).toList());
    }

    /** Whether an ack frees its window slot (PUBACK, PUBCOMP) rather than recording PUBREC. */
    public static boolean completes(DeliveryAck ack) {
        return ack.getKind() != AckKind.PUBREC;
    }

    private record Connection(String clientId, long connectionId) {
    }

    /** A PUBREC: recorded in the store before the gateway is told to send PUBREL. */
    public Uni<Void> received(GatewayLink link, DeliveryAck ack) {
        Holder holder = new Holder(link.gatewayId(), ack.getConnectionId());
        return store.markReleased(ack.getClientId(), holder, List.of(ack.getPacketId()))
                .invoke(released -> link.sender().sendAll(released.stream()
                        .map(packetId -> RouterEvents.release(holder.connectionId(), packetId)).toList()))
                .replaceWithVoid()
                // the gateway waits for the PUBREL it may send: without it the client would wait forever
                .onFailure().invoke(failure -> {
                    LOG.errorf(failure, "PUBREC of %s failed; ending its connection", ack.getClientId());
                    endConnections(link, List.of(ack.getConnectionId()));
                })
                .onFailure().recoverWithNull();
    }
}
