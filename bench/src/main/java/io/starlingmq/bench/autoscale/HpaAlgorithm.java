package io.starlingmq.bench.autoscale;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The HPA controller's replica calculation (autoscaling/v2) for one Pods metric of type AverageValue, as
 * Kubernetes documents and implements it: the raw recommendation {@code ceil(current × average / target)},
 * none within the tolerance; stabilized (a scale-up takes the lowest recommendation of its window, a
 * scale-down the highest of its window); then limited by the policies' rates, counted from the replicas
 * at the start of each policy's period; then kept within the replicas' bounds.
 */
final class HpaAlgorithm {

    private record Recommendation(long atNanos, int replicas) {
    }

    private record ScaleEvent(long atNanos, int change) {
    }

    private final HpaPolicy policy;
    private final Deque<Recommendation> recommendations = new ArrayDeque<>();
    private final Deque<ScaleEvent> events = new ArrayDeque<>();

    HpaAlgorithm(HpaPolicy policy) {
        this.policy = policy;
    }

    /** The raw recommendation, before stabilization and policies. */
    int raw(int current, double average) {
        double ratio = average / policy.targetPerPod();
        if (Math.abs(ratio - 1) <= policy.tolerance()) {
            return current;
        }
        return (int) Math.ceil(current * ratio);
    }

    /**
     * One sync: the replicas wanted now, given {@code current} replicas whose metric averages {@code average};
     * a change is remembered as a scale event for the policies' periods.
     */
    int desired(long nowNanos, int current, double average) {
        int raw = raw(current, average);
        long keep = Math.max(policy.scaleUpStabilization().toNanos(), policy.scaleDownStabilization().toNanos());
        while (!recommendations.isEmpty() && recommendations.peekFirst().atNanos() < nowNanos - keep) {
            recommendations.removeFirst();
        }
        int up = raw;
        int down = raw;
        for (Recommendation r : recommendations) {
            if (r.atNanos() >= nowNanos - policy.scaleUpStabilization().toNanos()) {
                up = Math.min(up, r.replicas());
            }
            if (r.atNanos() >= nowNanos - policy.scaleDownStabilization().toNanos()) {
                down = Math.max(down, r.replicas());
            }
        }
        recommendations.addLast(new Recommendation(nowNanos, raw));
        int stabilized = current;
        if (stabilized < up) {
            stabilized = up;
        }
        if (stabilized > down) {
            stabilized = down;
        }
        int desired = stabilized;
        if (stabilized > current) {
            desired = Math.min(stabilized, scaleUpLimit(nowNanos, current));
        } else if (stabilized < current) {
            desired = Math.max(stabilized, scaleDownLimit(nowNanos, current));
        }
        desired = Math.max(policy.minReplicas(), Math.min(policy.maxReplicas(), desired));
        if (desired != current) {
            events.addLast(new ScaleEvent(nowNanos, desired - current));
        }
        return desired;
    }

    private int scaleUpLimit(long now, int current) {
        long period = policy.scaleUpPeriod().toNanos();
        int start = current - added(now, period) + removed(now, period);
        int byPercent = (int) Math.ceil(start * (1 + policy.scaleUpPercent() / 100.0));
        int byPods = start + policy.scaleUpPods();
        return Math.min(policy.maxReplicas(), Math.max(byPercent, byPods));
    }

    private int scaleDownLimit(long now, int current) {
        long period = policy.scaleDownPeriod().toNanos();
        int start = current + removed(now, period) - added(now, period);
        return Math.max(policy.minReplicas(), start - policy.scaleDownPods());
    }

    private int added(long now, long period) {
        return events.stream().filter(e -> e.atNanos() > now - period && e.change() > 0).mapToInt(ScaleEvent::change).sum();
    }

    private int removed(long now, long period) {
        return -events.stream().filter(e -> e.atNanos() > now - period && e.change() < 0).mapToInt(ScaleEvent::change).sum();
    }
}
