package io.starlingmq.bench.kafka;

import io.starlingmq.bench.stats.Percentiles;
import java.util.List;
import java.util.Map;

/**
 * What one step measured: publishers paced at {@code rate} (NaN: as fast as their windows allowed) for
 * {@code seconds}, into one destination.
 *
 * @param sent publishes handed to the clients
 * @param acked publishes the broker acknowledged (PUBACK)
 * @param ackedWhilePublishing of those, acknowledged by the time publishing ended
 * @param arrivedWhilePublishing arrivals (records in Kafka, or deliveries) by the time publishing ended
 * @param arrivedUnique distinct messages that arrived in the end
 * @param lostAcked acknowledged messages that never arrived
 * @param brokerDrops what the router's and the gateway's drop counters rose by over the step
 * @param queueFullDrops of those, the router's {@code reason="queue_full"}
 * @param catchUpSeconds from the end of publishing until every acknowledged message had arrived or was counted
 *        as dropped, and the bridge had nothing in flight; NaN when that never happened
 * @param maxBacklog most messages acknowledged but neither arrived nor counted as dropped, at any sample
 * @param maxInFlight the bridge's in-flight gauge at its highest (NaN without a bridge)
 * @param maxOldestSeconds the bridge's oldest-in-flight gauge at its highest (NaN without a bridge)
 * @param window outstanding publishes each publisher was allowed
 * @param cpu per process, % of one core while publishing
 * @param jitPercent the JIT compiler threads of every JVM, % of one core while publishing
 * @param storeCalls the router's store calls over the step
 * @param samples every half second: seconds since the start, acknowledged, arrived, dropped by the broker, in flight
 * @param failures why the step does not count as sustained; empty when it does
 */
record StepResult(String step, String destination, String label, double rate, int payload, int partitions,
                  int window, double seconds, long sent, long acked, long ackedWhilePublishing,
                  long arrivedWhilePublishing, long arrivedUnique,
                  long duplicates, long outOfOrder, long strays, long lostAcked, long brokerDrops, long queueFullDrops,
                  double catchUpSeconds, long maxBacklog, double maxInFlight, double maxOldestSeconds,
                  long bridgeFailed, int publishersEnded, Percentiles latency, Map<String, Double> cpu,
                  double jitPercent, StoreCalls storeCalls, List<Sample> samples, List<String> failures) {

    /** One sample of a step's progress. */
    record Sample(double seconds, long acked, long arrived, long dropped, double inFlight) {

        /**
         * Acknowledged, neither arrived nor counted as dropped: in the session's queue or on its way. A message may
         * arrive before its PUBACK reaches the publisher, so the difference can be a little below 0: it counts as 0.
         */
        long backlog() {
            return Math.max(0, acked - arrived - dropped);
        }
    }

    boolean passed() {
        return failures.isEmpty();
    }

    boolean paced() {
        return !Double.isNaN(rate);
    }

    double sentPerSecond() {
        return sent / seconds;
    }

    /** Arrivals per second while the publishers published. */
    double arrivedPerSecondWhilePublishing() {
        return arrivedWhilePublishing / seconds;
    }

    /** Arrivals per second after publishing ended, until caught up (NaN when under 1,000 were left). */
    double drainPerSecond() {
        long left = arrivedUnique + duplicates - arrivedWhilePublishing;
        if (Double.isNaN(catchUpSeconds) || catchUpSeconds <= 0 || left < 1000) {
            return Double.NaN;
        }
        return left / catchUpSeconds;
    }

    /** Acknowledged and still missing once the drops the broker counted are taken off (0 when all is accounted for). */
    long unaccounted() {
        return Math.max(0, lostAcked - brokerDrops);
    }
}
