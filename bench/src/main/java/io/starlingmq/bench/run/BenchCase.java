package io.starlingmq.bench.run;

import io.starlingmq.bench.scenario.Scenario;

/** One line of the plan: a scenario at a QoS and a rate plan, run against every target and repeated. */
public record BenchCase(Scenario scenario, int qos, RatePlan rate) {

    public String label() {
        if (!scenario.hasRate()) {
            return scenario.name();
        }
        return scenario.name() + " QoS " + qos + ", " + rate;
    }

    /** A file-name friendly id, e.g. {@code fanin-qos1-search}. */
    public String id() {
        if (!scenario.hasRate()) {
            return scenario.name();
        }
        String r = rate.search() ? "search" : rate.rate().isPaced() ? Long.toString((long) rate.rate().perSecond()) : "max";
        return scenario.name() + "-qos" + qos + "-" + r;
    }
}
