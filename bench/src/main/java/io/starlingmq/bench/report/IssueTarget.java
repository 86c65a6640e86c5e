package io.starlingmq.bench.report;

import io.starlingmq.bench.load.RunResult;
import io.starlingmq.bench.run.Measurement;
import io.starlingmq.bench.scenario.ConnScenario;
import io.starlingmq.bench.scenario.OverloadScenario;
import java.util.List;

/**
 * A target of issue #5 and where its figure comes from.
 *
 * @param caseId the case that measures it, null when nothing can measure it yet
 * @param limit the bound on the ratio (Starling / Mosquitto), or on Starling's absolute value when {@code absolute}
 * @param atLeast whether the figure must be at least (true) or at most (false) the limit
 * @param unavailable why it is not measured, when {@code caseId} is null
 */
public record IssueTarget(String goal, String caseId, String metric, double limit, boolean atLeast, boolean absolute,
        String unavailable) {

    public static final List<IssueTarget> ISSUE_5 = List.of(
            new IssueTarget("Max sustained fan-in rate, QoS 0: ≥ 1.0× Mosquitto", "fanin-qos0-search",
                    Measurement.MAX_SUSTAINED, 1.0, true, false, null),
            new IssueTarget("Max sustained fan-in rate, QoS 1, clean sessions: ≥ 1.0× Mosquitto", "fanin-qos1-search",
                    Measurement.MAX_SUSTAINED, 1.0, true, false, null),
            new IssueTarget("Max sustained rate, QoS 1 into persistent sessions (Redis): ≥ 0.5× Mosquitto",
                    "persistent-qos1-search", Measurement.MAX_SUSTAINED, 0.5, true, false, null),
            new IssueTarget("p99 latency, paced 10,000 msg/s QoS 1 fan-in: ≤ 1.5× Mosquitto", "fanin-qos1-10000",
                    RunResult.P99, 1.5, false, false, null),
            new IssueTarget("Gateway memory per idle connection, live heap + native outside the heap: ≤ 4 KB "
                    + "(issue: at 100,000 connections)", "conn", ConnScenario.MEMORY_PER_CONNECTION, 4.0, false, true, null),
            new IssueTarget("≥ 5,000 connects/s with JWT authentication (Mosquitto: anonymous, for context only)",
                    "auth-connect", ConnScenario.CONNECTS_PER_SECOND, 5000, true, true, null),
            new IssueTarget("Overload never loses an acknowledged QoS 1/2 message: acknowledged = delivered + counted drops "
                    + "(unaccounted = 0; Mosquitto has no drop counters)", "overload-qos1-max",
                    OverloadScenario.UNACCOUNTED_TOTAL, 0, false, true, null));

    public boolean met(double value) {
        return atLeast ? value >= limit : value <= limit;
    }
}
