package io.starlingmq.gateway.rebalance;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Rebalance rounds every second, connections old enough after three seconds, a round's surplus asked at once. */
public final class FastRebalanceProfile implements QuarkusTestProfile {

    static final int MIN_AGE_SECONDS = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "starling.gateway.rebalance.interval", "1s",
                "starling.gateway.rebalance.min-connection-age", MIN_AGE_SECONDS + "s",
                "starling.gateway.rebalance.window", "0s",
                "starling.gateway.rebalance.max-rate", "100",
                "starling.gateway.rebalance.tolerance", "0.2");
    }
}
