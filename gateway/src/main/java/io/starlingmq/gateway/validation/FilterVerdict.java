package io.starlingmq.gateway.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of checking a SUBSCRIBE or UNSUBSCRIBE: either the whole packet is rejected with an
 * MQTT 5 DISCONNECT reason code, or each filter gets SUCCESS or an MQTT 5 reason code of its own.
 */
public record FilterVerdict(int packetReasonCode, List<Integer> filterReasonCodes) {

    public static FilterVerdict rejectPacket(int reasonCode) {
        return new FilterVerdict(reasonCode, List.of());
    }

    public static FilterVerdict perFilter(List<Integer> reasonCodes) {
        return new FilterVerdict(ReasonCode.SUCCESS, List.copyOf(reasonCodes));
    }

    public boolean packetRejected() {
        return packetReasonCode != ReasonCode.SUCCESS;
    }

    public boolean filterAccepted(int index) {
        return filterReasonCodes.get(index) == ReasonCode.SUCCESS;
    }

    /** The same verdict with the filter at {@code index} refused with {@code reasonCode}. */
    public FilterVerdict refuse(int index, int reasonCode) {
        List<Integer> codes = new ArrayList<>(filterReasonCodes);
        codes.set(index, reasonCode);
        return new FilterVerdict(packetReasonCode, codes);
    }
}
