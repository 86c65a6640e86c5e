package io.starlingmq.bench.scenario;

import java.util.Optional;

/** The broker's drop counters, where it exports any. */
public interface BrokerCounters {

    /** A fresh reading; empty when the broker has no such counters (Mosquitto). */
    Optional<DropCounters> readDropCounters();
}
