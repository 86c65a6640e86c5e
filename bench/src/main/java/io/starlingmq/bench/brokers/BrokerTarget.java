package io.starlingmq.bench.brokers;

import io.starlingmq.bench.client.Endpoint;
import io.starlingmq.bench.counters.BrokerCounters;
import io.starlingmq.bench.counters.BrokerMemory;
import io.starlingmq.bench.counters.DropCounters;
import java.util.Map;
import java.util.Optional;

/** A broker under test: its MQTT endpoint, its processes (name to pid), their memory and its drop counters. */
public interface BrokerTarget extends BrokerMemory, BrokerCounters, AutoCloseable {

    String name();

    /** One line saying how it was configured, for the report. */
    String configuration();

    Endpoint endpoint();

    Map<String, Long> processes();

    /** Where devices connect with a JWT, when this broker was started with JWT authentication. */
    default Optional<JwtAccess> jwtAccess() {
        return Optional.empty();
    }

    @Override
    default Optional<DropCounters> readDropCounters() {
        return Optional.empty();
    }

    /**
     * The target as a case asks for it: Mosquitto answers with its process of that configuration; Starling,
     * always at its defaults, with itself.
     */
    default BrokerTarget configuredFor(MosquittoConfig config) {
        return this;
    }

    /** Fails if a process of the broker died, so a run never measures a dead broker. */
    void checkAlive();

    @Override
    void close();
}
