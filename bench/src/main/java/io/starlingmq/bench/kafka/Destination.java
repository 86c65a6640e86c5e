package io.starlingmq.bench.kafka;

import io.starlingmq.bench.stats.LatencyRecorder;
import io.starlingmq.bench.stats.StreamLedger;

/**
 * Where a step's messages go after the broker acknowledged them: Kafka through the bridge, or a plain persistent
 * subscriber. Each step has its own topics, named by its step id (level 1 of the MQTT topic).
 */
interface Destination {

    /** For reports: "bridge to Kafka" or "plain subscriber". */
    String name();

    /** Level 0 of the MQTT topics this destination takes. */
    String topicRoot();

    /**
     * Readies the step's topics; arrivals of the step are recorded in {@code ledger} (as subscriber 0) and
     * their latency in {@code latency}, at the latest by {@link #collect}.
     */
    void prepare(String step, int partitions, StreamLedger ledger, LatencyRecorder latency);

    /** Messages of the step that arrived so far (records in Kafka, or deliveries to the subscriber). */
    long arrivedSoFar();

    /** Whether nothing is on its way inside the destination (the bridge's in-flight is 0). */
    boolean idle();

    /** The bridge's in-flight and its oldest's age, when there is a bridge; NaN otherwise. */
    double[] inFlight();

    /** Records every arrival of the step in the step's ledger and latency (Kafka: reads the topic back). */
    void collect();

    /** Arrivals on topics of no current step (late or unexpected ones). */
    long strays();
}
