package io.starlingmq.systemtests.bridge;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What arrived, by payload: which acknowledged messages are missing, and how many came more than once. */
final class Deliveries {

    private final Map<String, Integer> counts = new LinkedHashMap<>();

    synchronized void add(String payload) {
        counts.merge(payload, 1, Integer::sum);
    }

    synchronized Set<String> distinct() {
        return Set.copyOf(counts.keySet());
    }

    synchronized List<String> missing(Collection<String> acknowledged) {
        return acknowledged.stream().filter(payload -> !counts.containsKey(payload)).toList();
    }

    /** Deliveries beyond the first of each message (at least once allows them). */
    synchronized int duplicates() {
        return counts.values().stream().mapToInt(count -> count - 1).sum();
    }
}
