package io.starlingmq.bench.load;

import io.starlingmq.bench.client.BenchClient;
import io.starlingmq.bench.client.ConnectionEnd;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How many of a group of clients the broker ended, and how (e.g. "3 of 4: DISCONNECT 0x89 ×3"). */
public record ConnectionEnds(int clients, List<ConnectionEnd> ends) {

    public ConnectionEnds {
        ends = List.copyOf(ends);
    }

    /** Reads each client's end now: ends after this call are not counted. */
    public static ConnectionEnds of(List<BenchClient> clients) {
        List<ConnectionEnd> ends = new ArrayList<>();
        clients.forEach(c -> c.endedByBroker().ifPresent(ends::add));
        return new ConnectionEnds(clients.size(), ends);
    }

    public int ended() {
        return ends.size();
    }

    /** Each way of ending with its count, DISCONNECTs by reason code first; empty when none ended. */
    public String describe() {
        if (ends.isEmpty()) {
            return "";
        }
        // Ends without a DISCONNECT sort after every reason code.
        Map<Integer, Integer> counts = new TreeMap<>(Comparator.comparingInt(c -> c == ConnectionEnd.NO_DISCONNECT ? 0x100 : c));
        ends.forEach(e -> counts.merge(e.reasonCode(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((code, n) -> parts.add(new ConnectionEnd(code).describe() + " ×" + n));
        return ended() + " of " + clients + ": " + String.join(", ", parts);
    }
}
