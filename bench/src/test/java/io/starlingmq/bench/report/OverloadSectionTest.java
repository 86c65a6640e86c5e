package io.starlingmq.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.starlingmq.bench.brokers.ProcessUsage;
import io.starlingmq.bench.load.RunResult;
import io.starlingmq.bench.run.BenchCase;
import io.starlingmq.bench.run.CaseResults;
import io.starlingmq.bench.run.Measurement;
import io.starlingmq.bench.run.RatePlan;
import io.starlingmq.bench.scenario.OverloadScenario;
import io.starlingmq.bench.stats.Percentiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverloadSectionTest {

    private static final Environment ENV = new Environment("2026-01-01 UTC", "abc123", "2.0.11", "JDK 25", "Test CPU", 2, "Linux 6");
    private static final BenchCase OVERLOAD = new BenchCase(new OverloadScenario(), 1, RatePlan.MAX);

    private static Measurement measured(String target, double unaccounted, double missing, String note) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(OverloadScenario.UNACCOUNTED_TOTAL, unaccounted);
        m.put("clean: " + OverloadScenario.ACKNOWLEDGED, 10_000.0);
        m.put("clean: " + OverloadScenario.MISSING, missing);
        m.put("clean: " + OverloadScenario.COUNTED, Double.isNaN(unaccounted) ? Double.NaN : missing);
        m.put("clean: " + OverloadScenario.ACHIEVED, 4_000.0);
        return new Measurement(target, 1, new RunResult(m, Percentiles.NONE, true, note), List.of(new ProcessUsage("p", 10, 1L << 20)));
    }

    private static String report(Measurement starling) {
        ReportData data = new ReportData(ENV, "./starling bench overload", "MQTT 5.0", List.of("Starling", "Mosquitto"), Map.of(), 1,
                List.of(new CaseResults(OVERLOAD, List.of(starling,
                        measured("Mosquitto", Double.NaN, 6_000, "clean: 6000 acknowledged messages missing; the broker exports no drop counter")))),
                Map.of());
        return MarkdownReport.write(data);
    }

    @Test
    void targetRowIsMetWhenStarlingAccountsForEveryAcknowledgedMessage() {
        assertThat(report(measured("Starling", 0, 6_500, ""))).contains(
                "(unaccounted = 0; Mosquitto has no drop counters) | 0 | — | — | yes |");
    }

    @Test
    void targetRowIsNotMetWhenAnAcknowledgedMessageIsUnaccounted() {
        assertThat(report(measured("Starling", 3, 6_500, "clean: 3 acknowledged messages lost without a count")))
                .contains("(unaccounted = 0; Mosquitto has no drop counters) | 3 | — | — | **no** |");
    }

    @Test
    void sectionShowsTheBooksPerSessionKindAndListsEveryGap() {
        String md = report(measured("Starling", 3, 6_500, "clean: 3 acknowledged messages lost without a count"));
        assertThat(md).contains("## Overload: is every acknowledged message accounted for?",
                "| clean | acknowledged, missing | 6,500 | 6,000 |",
                "| clean | drops counted by the broker | 6,500 | — |",
                "- Starling, repeat 1: clean: 3 acknowledged messages lost without a count",
                "- Mosquitto, repeat 1: clean: 6000 acknowledged messages missing");
    }

    @Test
    void reportsWithoutAnOverloadCaseHaveNoSection() {
        ReportData data = new ReportData(ENV, "./starling bench", "MQTT 5.0", List.of("Starling"), Map.of(), 1, List.of(), Map.of());
        assertThat(MarkdownReport.write(data)).doesNotContain("## Overload");
    }
}
