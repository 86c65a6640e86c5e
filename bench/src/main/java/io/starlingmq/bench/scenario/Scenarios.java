package io.starlingmq.bench.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The scenarios by name, and those the issue asks for that cannot run yet. */
public final class Scenarios {

    /** Scenarios of issue #5 that need a part of Starling that does not exist yet, with the reason. */
    public static final Map<String, String> NOT_YET_AVAILABLE = Map.of(
            "auth-connect", "needs JWT authentication in the gateway, which arrives with the auth service");

    private static final Map<String, Scenario> ALL = new LinkedHashMap<>();

    static {
        for (Scenario s : List.of(new FanInScenario(), new FanOutScenario(), new PairsScenario(),
                new PersistentScenario(), new ConnScenario())) {
            ALL.put(s.name(), s);
        }
    }

    private Scenarios() {
    }

    public static Optional<Scenario> byName(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    public static List<Scenario> all() {
        return List.copyOf(ALL.values());
    }
}
