package io.starlingmq.bench.scenario;

import io.starlingmq.bench.brokers.MosquittoConfig;
import io.starlingmq.bench.load.ClientKind;
import io.starlingmq.bench.load.Rate;
import io.starlingmq.bench.load.RunResult;
import java.time.Duration;
import java.util.Optional;

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

    /** The client library of its cases unless {@code --client} says otherwise. */
    default ClientKind defaultClient() {
        return ClientKind.HIVEMQ;
    }

    /** Mosquitto's configuration for its cases unless {@code --mosquitto} says otherwise. */
    default MosquittoConfig defaultMosquittoConfig() {
        return MosquittoConfig.MATCHED;
    }

    /** Publishes outstanding per publisher unless {@code --window} says otherwise (32; 0: the broker's). */
    default int defaultWindow() {
        return 32;
    }

    /** Publishing time of a case at this QoS and rate unless {@code --duration} says otherwise; empty: the bench's. */
    default Optional<Duration> defaultDuration(int qos, Rate rate) {
        return Optional.empty();
    }

    RunResult run(ScenarioContext context) throws InterruptedException;
}
