package io.starlingmq.bench.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The scenarios by name. */
public final class Scenarios {

    private static final Map<String, Scenario> ALL = new LinkedHashMap<>();

    static {
        for (Scenario s : List.of(new FanInScenario(), new FanOutScenario(), new PairsScenario(),
                new PersistentScenario(), new ConnScenario(), new AuthConnectScenario(),
                new OverloadScenario(), new FanInLoadScenario(), new ConnLatencyScenario())) {
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
