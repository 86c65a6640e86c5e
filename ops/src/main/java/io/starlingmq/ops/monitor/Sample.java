package io.starlingmq.ops.monitor;

import java.util.Map;

/**
 * One point of the series: the counts at {@code timeMillis}, and the messages counted since the sample
 * before it, {@code intervalMillis} earlier (0 for the first sample, which has nothing to compare with).
 */
public record Sample(long timeMillis, long intervalMillis, long connections, long sessions, long subscriptions,
                     long retained, long received, long sent, long dropped, Map<String, Long> gateways) {

    public Sample {
        gateways = Map.copyOf(gateways);
    }

    /** Messages received per second over the interval, 0 when there is no interval. */
    public double receivedRate() {
        return perSecond(received);
    }

    public double sentRate() {
        return perSecond(sent);
    }

    public double droppedRate() {
        return perSecond(dropped);
    }

    private double perSecond(long count) {
        return intervalMillis <= 0 ? 0 : count * 1000.0 / intervalMillis;
    }
}
