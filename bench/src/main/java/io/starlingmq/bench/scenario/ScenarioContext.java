package io.starlingmq.bench.scenario;

import io.starlingmq.bench.brokers.DeviceTokenSigner;
import io.starlingmq.bench.client.Endpoint;
import io.starlingmq.bench.counters.BrokerCounters;
import io.starlingmq.bench.counters.BrokerMemory;
import io.starlingmq.bench.load.LoadSettings;
import java.util.Map;

/**
 * Everything one run of a scenario gets: where, how hard, how big, and a unique id for client ids and topics.
 *
 * @param counters the broker's drop counters (overload)
 * @param tokens device tokens for {@code endpoint} when it authenticates with JWT; null when it is anonymous
 * @param brokerProcesses the broker's processes, name to pid (conn: their CPU during the connect phase)
 */
public record ScenarioContext(Endpoint endpoint, LoadSettings settings, ScenarioParams params, String runId, BrokerMemory memory,
        BrokerCounters counters, DeviceTokenSigner tokens, Map<String, Long> brokerProcesses) {
}
