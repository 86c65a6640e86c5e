package io.starlingmq.gateway.mqtt;

import io.starlingmq.contract.reason.ReasonCode;
import io.starlingmq.gateway.validation.FilterVerdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SUBSCRIBEs or UNSUBSCRIBEs sent to the router and awaiting its answer. Filters the gateway rejected
 * itself keep their own reason code; the router's codes fill the other positions in order.
 *
 * @param <R> SUBACK or UNSUBACK reasons
 */
final class PendingFilterAcks<R extends ReasonCode> {

    private final int bound;
    /** What a position gets when the router answered with fewer codes than it was asked for. */
    private final R unspecifiedError;
    /** Made on the first request and kept: an idle connection's footprint bounds a gateway's connection count. */
    private Map<Integer, FilterVerdict<R>> byPacketId;

    PendingFilterAcks(int bound, R unspecifiedError) {
        this.bound = bound;
        this.unspecifiedError = unspecifiedError;
    }

    boolean full() {
        return byPacketId != null && byPacketId.size() >= bound;
    }

    /** False when a request with this packet id is already pending. */
    boolean add(int packetId, FilterVerdict<R> verdict) {
        if (byPacketId == null) {
            byPacketId = new HashMap<>();
        }
        return byPacketId.putIfAbsent(packetId, verdict) == null;
    }

    /** The reasons for the whole request, or null if no such request is pending. */
    List<R> complete(int packetId, List<R> routerReasons) {
        FilterVerdict<R> verdict = byPacketId == null ? null : byPacketId.remove(packetId);
        if (verdict == null) {
            return null;
        }
        return merge(verdict, routerReasons);
    }

    private List<R> merge(FilterVerdict<R> verdict, List<R> routerReasons) {
        List<R> merged = new ArrayList<>(verdict.filterReasonCodes().size());
        int next = 0;
        for (int i = 0; i < verdict.filterReasonCodes().size(); i++) {
            if (verdict.filterAccepted(i)) {
                merged.add(next < routerReasons.size() ? routerReasons.get(next) : unspecifiedError);
                next++;
            } else {
                merged.add(verdict.filterReasonCodes().get(i));
            }
        }
        return merged;
    }
}
