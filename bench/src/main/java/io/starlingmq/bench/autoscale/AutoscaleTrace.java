package io.starlingmq.bench.autoscale;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Comparator;

/** What an autoscale run saw: a sample a second, and every event, in seconds since the run's start. */
final class AutoscaleTrace {

    /** The gateways' connection gauges (serving and draining), the HPA's replicas and its latest decision. */
    record Sample(double seconds, Map<String, Integer> connections, List<String> serving, int replicas, int desired) {
    }

    /** A line of the run's story. */
    record Event(double seconds, String text) {
    }

    /** A gateway the HPA added, and when HAProxy had it in service. */
    record ScaleOut(String gateway, double inServiceSeconds) {
    }

    /**
     * A gateway removed: the one with the fewest connections (the pod-deletion cost's choice), and the one
     * Kubernetes would have removed without the cost (the youngest ready pod), with their connections then.
     */
    record ScaleIn(double seconds, String chosen, int chosenConnections, String withoutCost, int withoutCostConnections) {
    }

    /** A drain, from SIGTERM to the exit, with the connections the gateway held at SIGTERM. */
    record Drain(String gateway, double startSeconds, double endSeconds, int connections, boolean exitedInTime) {
    }

    /** A gateway's rebalance round: the seconds in which its rebalance counter moved, and by how much. */
    record Rebalance(String gateway, double startSeconds, double endSeconds, int asked) {
    }

    private final List<Rebalance> rebalances = new ArrayList<>();
    private final List<Sample> samples = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final List<ScaleOut> scaleOuts = new ArrayList<>();
    private final List<ScaleIn> scaleIns = new ArrayList<>();
    private final List<Drain> drains = new ArrayList<>();

    synchronized void sample(Sample sample) {
        samples.add(sample);
    }

    synchronized void event(double seconds, String text) {
        events.add(new Event(seconds, text));
        System.out.printf(Locale.ROOT, "autoscale %6.1f s  %s%n", seconds, text);
    }

    synchronized void scaleOut(ScaleOut scaleOut) {
        scaleOuts.add(scaleOut);
    }

    synchronized void scaleIn(ScaleIn scaleIn) {
        scaleIns.add(scaleIn);
    }

    synchronized void drain(Drain drain) {
        drains.add(drain);
    }

    synchronized void rebalance(Rebalance rebalance) {
        rebalances.add(rebalance);
    }

    synchronized List<Rebalance> rebalances() {
        return List.copyOf(rebalances);
    }

    synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    synchronized List<Event> events() {
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingDouble(Event::seconds));
        return sorted;
    }

    synchronized List<ScaleOut> scaleOuts() {
        return List.copyOf(scaleOuts);
    }

    synchronized List<ScaleIn> scaleIns() {
        return List.copyOf(scaleIns);
    }

    synchronized List<Drain> drains() {
        return List.copyOf(drains);
    }
}
