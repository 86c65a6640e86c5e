package io.starlingmq.gateway.validation;

import io.starlingmq.contract.reason.DisconnectReason;
import io.starlingmq.contract.reason.ReasonCode;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of checking a SUBSCRIBE or UNSUBSCRIBE: either the whole packet is rejected with a
 * DISCONNECT reason, or each filter gets a success code or a refusal of its own (SUBACK or UNSUBACK
 * reasons, {@code R}).
 *
 * @param packetReasonCode  why the whole packet is rejected; null when it is not
 * @param filterReasonCodes one per filter, in order; empty when the packet is rejected
 */
public record FilterVerdict<R extends ReasonCode>(DisconnectReason packetReasonCode, List<R> filterReasonCodes) {

    public static <R extends ReasonCode> FilterVerdict<R> rejectPacket(DisconnectReason reason) {
        return new FilterVerdict<>(reason, List.of());
    }

    public static <R extends ReasonCode> FilterVerdict<R> perFilter(List<R> reasons) {
        return new FilterVerdict<>(null, List.copyOf(reasons));
    }

    public boolean packetRejected() {
        return packetReasonCode != null;
    }

    public boolean filterAccepted(int index) {
        return !filterReasonCodes.get(index).isError();
    }

    /** The same verdict with the filter at {@code index} refused with {@code reason}. */
    public FilterVerdict<R> refuse(int index, R reason) {
        List<R> reasons = new ArrayList<>(filterReasonCodes);
        reasons.set(index, reason);
        return new FilterVerdict<>(packetReasonCode, reasons);
    }
}
