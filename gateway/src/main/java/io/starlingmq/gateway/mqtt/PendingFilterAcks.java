package io.starlingmq.gateway.mqtt;

import io.starlingmq.gateway.validation.FilterVerdict;
import io.starlingmq.gateway.validation.ReasonCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SUBSCRIBEs or UNSUBSCRIBEs sent to the router and awaiting its answer. Filters the gateway rejected
 * itself keep their own reason code; the router's codes fill the other positions in order.
 */
final class PendingFilterAcks {

    private final int bound;
    /** Made on the first request and kept: an idle connection's footprint bounds a gateway's connection count. */
    private Map<Integer, FilterVerdict> byPacketId;

    PendingFilterAcks(int bound) {
        this.bound = bound;
    }

    boolean full() {
        return byPacketId != null && byPacketId.size() >= bound;
    }

    /** False when a request with this packet id is already pending. */
    boolean add(int packetId, FilterVerdict verdict) {
        if (byPacketId == null) {
            byPacketId = new HashMap<>();
        }
        return byPacketId.putIfAbsent(packetId, verdict) == null;
    }

    /** The reason codes for the whole request, or null if no such request is pending. */
    List<Integer> complete(int packetId, List<Integer> routerCodes) {
        FilterVerdict verdict = byPacketId == null ? null : byPacketId.remove(packetId);
        if (verdict == null) {
            return null;
        }
        return merge(verdict, routerCodes);
    }

    static List<Integer> merge(FilterVerdict verdict, List<Integer> routerCodes) {
        List<Integer> merged = new ArrayList<>(verdict.filterReasonCodes().size());
        int next = 0;
        for (int i = 0; i < verdict.filterReasonCodes().size(); i++) {
            if (verdict.filterAccepted(i)) {
                merged.add(next < routerCodes.size() ? routerCodes.get(next) : ReasonCode.UNSPECIFIED_ERROR);
                next++;
            } else {
                merged.add(verdict.filterReasonCodes().get(i));
            }
        }
        return merged;
    }
}
