package io.starlingmq.ops.monitor;

import java.util.Map;

/**
 * What the routers said at one moment: the broker's counts (one router's view, as every router holds the
 * whole broker's replicas), each router's own message counters (they count what they routed, so they are
 * added up, and a restart resets only that router's), and each gateway's connections.
 *
 * @param counters   per router address, its counters since it started
 * @param gateways   per gateway id, its connections at its latest heartbeat
 */
public record Reading(long timeMillis, long connections, long sessions, long subscriptions, long retained,
                      Map<String, Counters> counters, Map<String, Long> gateways) {

    public Reading {
        counters = Map.copyOf(counters);
        gateways = Map.copyOf(gateways);
    }

    /** One router's message counters. */
    public record Counters(long received, long sent, long dropped) {

        static final Counters ZERO = new Counters(0, 0, 0);

        Counters plus(Counters other) {
            return new Counters(received + other.received, sent + other.sent, dropped + other.dropped);
        }

        /**
         * What was counted since {@code earlier}; a counter that went down belongs to a router that restarted,
         * whose count since its start is all that is known to have happened.
         */
        Counters since(Counters earlier) {
            return new Counters(grown(earlier.received, received), grown(earlier.sent, sent),
                    grown(earlier.dropped, dropped));
        }

        private static long grown(long before, long now) {
            return now >= before ? now - before : now;
        }
    }

    /** Every router's counters added up. */
    public Counters totals() {
        return counters.values().stream().reduce(Counters.ZERO, Counters::plus);
    }

    /**
     * The messages counted between {@code earlier} and this reading, router by router; a router missing from
     * either reading (it did not answer) adds nothing, rather than its whole count.
     */
    Counters since(Reading earlier) {
        Counters sum = Counters.ZERO;
        for (Map.Entry<String, Counters> router : counters.entrySet()) {
            Counters before = earlier.counters.get(router.getKey());
            if (before != null) {
                sum = sum.plus(router.getValue().since(before));
            }
        }
        return sum;
    }
}
