package io.starlingmq.bench.autoscale;

import io.starlingmq.testing.fleet.DeliveryCheck;
import io.starlingmq.testing.fleet.FleetClient;
import io.starlingmq.testing.fleet.Timeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The figures of a run, from the clients' own records and the trace: reconnects in each second (a CONNACK
 * of a client that had been connected before) against the bound of that second (the paces configured for
 * the drains and rebalance rounds going on then), messages lost by the second they were published, the
 * time each scale-out took to even the load, and the clients the pod-deletion cost kept from moving.
 */
record AutoscaleFigures(int[] reconnectsPerSecond, int[] boundPerSecond, int[] lostPerSecond, long lost,
                        DeliveryCheck.Result delivery,
                        List<String> sessionViolations, List<DrainWave> drainWaves, List<Evening> evenings,
                        int movedWithCost, int movedWithoutCost) {

    /** A drain's pace (its connections over the window, at most the maximum rate) and the peak reconnects during it. */
    record DrainWave(AutoscaleTrace.Drain drain, int pace, int peakReconnects) {
    }

    /** A scale-out, and how long after it came into service every gateway was within the tolerance of an even share. */
    record Evening(AutoscaleTrace.ScaleOut scaleOut, Optional<Double> seconds) {
    }

    static AutoscaleFigures of(AutoscaleTrace trace, List<FleetClient> clients, long originNanos, double endSeconds,
            DeliveryCheck.Result delivery, List<String> sessionViolations, DrainSettings drain, double tolerance) {
        int length = (int) Math.ceil(endSeconds) + 1;
        int[] reconnects = new int[length];
        for (FleetClient client : clients) {
            List<Timeline.Connect> connects = client.timeline().connects();
            for (int i = 1; i < connects.size(); i++) {
                add(reconnects, (connects.get(i).atNanos() - originNanos) / 1e9);
            }
        }
        int[] bound = new int[length];
        for (AutoscaleTrace.Drain d : trace.drains()) {
            int pace = (int) Math.min(drain.maxRate(), Math.ceil(d.connections() / (double) drain.window().toSeconds()));
            addOver(bound, d.startSeconds(), d.endSeconds() + 1, pace);
        }
        for (AutoscaleTrace.Rebalance r : trace.rebalances()) {
            addOver(bound, r.startSeconds(), r.endSeconds() + 1, drain.rebalanceMaxRate());
        }
        int[] lost = new int[length];
        long lostCount = 0;
        for (DeliveryCheck.Loss loss : delivery.losses()) {
            FleetClient publisher = clients.stream().filter(c -> c.id().equals(loss.publisher())).findFirst().orElseThrow();
            for (long sequence : loss.missing()) {
                OptionalLong at = publisher.publishedAt(sequence);
                add(lost, at.isPresent() ? (at.getAsLong() - originNanos) / 1e9 : 0);
                lostCount++;
            }
        }
        List<DrainWave> waves = new ArrayList<>();
        for (AutoscaleTrace.Drain d : trace.drains()) {
            int pace = (int) Math.min(drain.maxRate(), Math.ceil(d.connections() / (double) drain.window().toSeconds()));
            int peak = 0;
            for (int s = (int) d.startSeconds(); s <= Math.min(length - 1, (int) d.endSeconds() + 1); s++) {
                peak = Math.max(peak, reconnects[s]);
            }
            waves.add(new DrainWave(d, pace, peak));
        }
        List<Evening> evenings = new ArrayList<>();
        for (AutoscaleTrace.ScaleOut out : trace.scaleOuts()) {
            evenings.add(new Evening(out, trace.samples().stream()
                    .filter(s -> s.seconds() >= out.inServiceSeconds() && s.serving().contains(out.gateway()))
                    .filter(s -> even(s, tolerance)).findFirst().map(s -> s.seconds() - out.inServiceSeconds())));
        }
        int with = trace.scaleIns().stream().mapToInt(AutoscaleTrace.ScaleIn::chosenConnections).sum();
        int without = trace.scaleIns().stream().mapToInt(AutoscaleTrace.ScaleIn::withoutCostConnections).sum();
        return new AutoscaleFigures(reconnects, bound, lost, lostCount, delivery, sessionViolations, waves, evenings, with, without);
    }

    /** Every serving gateway within {@code tolerance} of the serving gateways' mean. */
    static boolean even(AutoscaleTrace.Sample sample, double tolerance) {
        List<Integer> counts = sample.serving().stream().map(g -> sample.connections().getOrDefault(g, 0)).toList();
        double mean = counts.stream().mapToInt(Integer::intValue).average().orElse(0);
        return mean > 0 && counts.stream().allMatch(c -> Math.abs(c - mean) <= tolerance * mean);
    }

    /** Adds {@code amount} to every second that [{@code from}, {@code to}) touches. */
    private static void addOver(int[] perSecond, double from, double to, int amount) {
        for (int s = (int) Math.max(0, Math.floor(from)); s < perSecond.length && s < Math.ceil(to); s++) {
            perSecond[s] += amount;
        }
    }

    /** The second with the most reconnects (the first of equals). */
    int peakSecond() {
        int peak = 0;
        for (int s = 0; s < reconnectsPerSecond.length; s++) {
            if (reconnectsPerSecond[s] > reconnectsPerSecond[peak]) {
                peak = s;
            }
        }
        return peak;
    }

    /**
     * Seconds whose reconnects exceed the sum of the paces configured for what was asking clients to leave
     * then (each draining gateway's pace, each rebalancing gateway's maximum rate; none: 0).
     */
    List<Integer> secondsAboveBound() {
        List<Integer> above = new ArrayList<>();
        for (int s = 0; s < reconnectsPerSecond.length; s++) {
            if (reconnectsPerSecond[s] > boundPerSecond[s]) {
                above.add(s);
            }
        }
        return above;
    }

    private static void add(int[] perSecond, double seconds) {
        int s = (int) Math.max(0, Math.min(perSecond.length - 1, Math.floor(seconds)));
        perSecond[s]++;
    }

    int peakReconnects() {
        int peak = 0;
        for (int r : reconnectsPerSecond) {
            peak = Math.max(peak, r);
        }
        return peak;
    }

    int reconnects() {
        int sum = 0;
        for (int r : reconnectsPerSecond) {
            sum += r;
        }
        return sum;
    }
}
