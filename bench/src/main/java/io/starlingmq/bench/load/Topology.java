package io.starlingmq.bench.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Who publishes where and who receives what: publisher i publishes to {@code publisherTopics[i]},
 * subscriber j subscribes to {@code subscriberFilters[j]} and must receive every message of the
 * publishers in {@code routes[j]}.
 */
public record Topology(List<String> publisherTopics, List<String> subscriberFilters, List<int[]> routes) {

    public static Topology fanIn(String prefix, int publishers) {
        List<String> topics = new ArrayList<>();
        int[] all = new int[publishers];
        for (int i = 0; i < publishers; i++) {
            topics.add(prefix + "/p" + i);
            all[i] = i;
        }
        return new Topology(topics, List.of(prefix + "/+"), List.<int[]>of(all));
    }

    /** Fan-in into one subscriber of the multi-level wildcard {@code prefix/#}, as in issue #14. */
    public static Topology fanInAllLevels(String prefix, int publishers) {
        Topology singleLevel = fanIn(prefix, publishers);
        return new Topology(singleLevel.publisherTopics(), List.of(prefix + "/#"), singleLevel.routes());
    }

    public static Topology fanOut(String prefix, int subscribers) {
        List<String> filters = new ArrayList<>();
        List<int[]> routes = new ArrayList<>();
        for (int j = 0; j < subscribers; j++) {
            filters.add(prefix + "/all");
            routes.add(new int[] {0});
        }
        return new Topology(List.of(prefix + "/all"), filters, routes);
    }

    public static Topology pairs(String prefix, int pairs) {
        List<String> topics = new ArrayList<>();
        List<int[]> routes = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            topics.add(prefix + "/pair" + i);
            routes.add(new int[] {i});
        }
        return new Topology(topics, List.copyOf(topics), routes);
    }

    public int publishers() {
        return publisherTopics.size();
    }

    public int subscribers() {
        return subscriberFilters.size();
    }
}
