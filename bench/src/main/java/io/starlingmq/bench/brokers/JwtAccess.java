package io.starlingmq.bench.brokers;

import io.starlingmq.bench.client.Endpoint;
import java.util.Map;

/**
 * Where devices connect with a JWT (a gateway in auth mode {@code service}), how their tokens are made,
 * and the processes that serve such a connect (name to pid), for sampling.
 */
public record JwtAccess(Endpoint endpoint, DeviceTokenSigner tokens, Map<String, Long> processes) {
}
