package io.starlingmq.bench.counters;

import java.util.Optional;

/** The broker's drop counters, where it exports any. */
public interface BrokerCounters {

    /** A fresh reading; empty when the broker has no such counters (Mosquitto). */
    Optional<DropCounters> readDropCounters();
}
