package io.starlingmq.systemtests.bridge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one key's values in a partition say about delivery: the distinct values in the order they first
 * appeared, and how many repeated an earlier one. A value list of numbers counting up means nothing was
 * lost or reordered; repeats are resends.
 */
record PerKeyOrder(List<Integer> firstSeen, int repeats) {

    static Map<String, PerKeyOrder> of(List<Map.Entry<String, Integer>> keyedValues) {
        Map<String, Set<Integer>> seen = new LinkedHashMap<>();
        Map<String, Integer> repeats = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> entry : keyedValues) {
            if (!seen.computeIfAbsent(entry.getKey(), k -> new LinkedHashSet<>()).add(entry.getValue())) {
                repeats.merge(entry.getKey(), 1, Integer::sum);
            }
        }
        Map<String, PerKeyOrder> orders = new LinkedHashMap<>();
        seen.forEach((key, values) -> orders.put(key, new PerKeyOrder(new ArrayList<>(values),
                repeats.getOrDefault(key, 0))));
        return orders;
    }
}
