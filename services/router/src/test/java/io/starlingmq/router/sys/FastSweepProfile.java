package io.starlingmq.router.sys;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The in-memory store with short sweep and $SYS intervals and a fixed node name. Setting keys under
 * {@code starling.router.delayed} and {@code starling.router.sys} also proves that these mappings live beside
 * the router's own {@code starling.router} mapping.
 */
public class FastSweepProfile implements QuarkusTestProfile {

    public static final String NODE = "test-node";

    @Override
    public Map<String, String> getConfigOverrides() {
        return overrides();
    }

    public static Map<String, String> overrides() {
        return Map.of("starling.router.delayed.sweep", "200ms",
                "starling.router.sys.interval", "300ms",
                "starling.router.sys.node-name", NODE);
    }
}
