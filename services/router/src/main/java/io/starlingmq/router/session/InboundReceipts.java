package io.starlingmq.router.session;

import io.smallrye.mutiny.Uni;
import io.starlingmq.contract.link.v1.Publish;
import io.starlingmq.router.index.SessionDirectory;
import io.starlingmq.store.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Exactly-once for QoS 2 publishes of persistent sessions: before routing, the publishes whose packet id
 * is in the store's received set are resends (not routed again); after routing, the routed ones are
 * recorded. Clean sessions' received sets live in their gateways. See the session-store README for why
 * recording follows routing.
 */
@ApplicationScoped
public class InboundReceipts {

    private static final Logger LOG = Logger.getLogger(InboundReceipts.class);

    /** One publisher's packet id. */
    public record Key(String clientId, int packetId) {

        static Key of(Publish publish) {
            return new Key(publish.getClientId(), publish.getPacketId());
        }
    }

    @Inject
    SessionStore store;
    @Inject
    SessionDirectory directory;

    /** The publishes among {@code publishes} that were routed before. */
    public Uni<Set<Key>> resends(List<Publish> publishes) {
        Map<String, List<Integer>> byClient = tracked(publishes);
        if (byClient.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<Uni<List<Key>>> lookups = new ArrayList<>(byClient.size());
        byClient.forEach((clientId, packetIds) -> lookups.add(store.receivedAlready(clientId, packetIds)
                .map(found -> found.stream().map(packetId -> new Key(clientId, packetId)).toList())));
        return Uni.join().all(lookups).andFailFast()
                .<Set<Key>>map(found -> {
                    Set<Key> keys = new HashSet<>();
                    found.forEach(keys::addAll);
                    return keys;
                })
                // No loss rather than no duplicate: without the answer, route them (again).
                .onFailure().invoke(failure -> LOG.errorf(failure, "reading received QoS 2 packet ids failed"))
                .onFailure().recoverWithItem(Set.of());
    }

    /** Records routed publishes; fails when the store did not take them. */
    public Uni<Void> record(List<Publish> routed) {
        Map<String, List<Integer>> byClient = tracked(routed);
        if (byClient.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> writes = new ArrayList<>(byClient.size());
        byClient.forEach((clientId, packetIds) -> writes.add(store.markReceived(clientId, packetIds)));
        return Uni.join().all(writes).andFailFast().replaceWithVoid();
    }

    private Map<String, List<Integer>> tracked(List<Publish> publishes) {
        Map<String, List<Integer>> byClient = new LinkedHashMap<>();
        for (Publish publish : publishes) {
            if (publish.getMessage().getQos() != 2) {
                continue;
            }
            SessionDirectory.Entry session = directory.get(publish.getClientId());
            if (session != null && session.persistent()) {
                byClient.computeIfAbsent(publish.getClientId(), c -> new ArrayList<>()).add(publish.getPacketId());
            }
        }
        return byClient;
    }
}
