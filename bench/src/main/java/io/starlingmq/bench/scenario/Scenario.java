package io.starlingmq.bench.scenario;

import io.starlingmq.bench.load.RunResult;

/** One kind of load, run once against one broker. */
public interface Scenario {

    String name();

    /** One line for the report and the usage text. */
    String description();

    /** Whether a paced rate (and so the max sustained rate search) means anything for this scenario. */
    default boolean hasRate() {
        return true;
    }

    /** Whether this scenario's devices connect with a JWT where the broker can check one. */
    default boolean authenticates() {
        return false;
    }

    /** Publishing periods of the run's duration one run holds (overload: a clean, then a persistent phase). */
    default int phases() {
        return 1;
    }

    RunResult run(ScenarioContext context) throws InterruptedException;
}
