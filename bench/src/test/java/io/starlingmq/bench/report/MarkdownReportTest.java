package io.starlingmq.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.starlingmq.bench.load.RunResult;
import io.starlingmq.bench.run.BenchCase;
import io.starlingmq.bench.run.CaseResults;
import io.starlingmq.bench.run.Measurement;
import io.starlingmq.bench.run.RatePlan;
import io.starlingmq.bench.scenario.FanInScenario;
import io.starlingmq.bench.stats.Percentiles;
import io.starlingmq.bench.brokers.ProcessUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    private static final Environment ENV = new Environment("2026-01-01 UTC", "abc123", "2.0.11", "JDK 25", "Test CPU", 2, "Linux 6");
    private static final BenchCase FANIN_QOS0_SEARCH = new BenchCase(new FanInScenario(), 0, RatePlan.SEARCH);

    private static Measurement measured(String target, int repeat, double maxRate) {
        RunResult r = new RunResult(Map.of(RunResult.P99, 2.0), new Percentiles(10, 1, 1.5, 2, 3, 4), true, "")
                .with(Measurement.MAX_SUSTAINED, maxRate);
        return new Measurement(target, repeat, r, List.of(new ProcessUsage("p", 50, 100L * 1024 * 1024)));
    }

    private static String report() {
        List<Measurement> ms = new ArrayList<>();
        double[] starling = {90_000, 100_000, 120_000};
        double[] mosquitto = {50_000, 50_000, 60_000};
        for (int i = 0; i < 3; i++) {
            ms.add(measured("Starling", i + 1, starling[i]));
            ms.add(measured("Mosquitto", i + 1, mosquitto[i]));
        }
        ReportData data = new ReportData(ENV, "./starling bench fanin", "MQTT 5.0", List.of("Starling", "Mosquitto"),
                Map.of("Mosquitto", "max_inflight_messages 32"), 3, List.of(new CaseResults(FANIN_QOS0_SEARCH, ms)),
                Map.of("throughput", "bench/results/throughput.png", "fanin-qos0-search", "bench/results/latency-fanin-qos0-search.png"));
        return MarkdownReport.write(data);
    }

    @Test
    void caseRowShowsMediansWithMinMaxAndTheRatioOfMedians() {
        assertThat(report()).contains("| max sustained msg/s | 100,000 (90,000–120,000) | 50,000 (50,000–60,000) | 2.00× |");
    }

    @Test
    void measuredTargetShowsItsRatioAndWhetherItIsMet() {
        assertThat(report()).contains("| Max sustained fan-in rate, QoS 0: ≥ 1.0× Mosquitto | 100,000 (90,000–120,000) | "
                + "50,000 (50,000–60,000) | 2.00× | yes |");
    }

    @Test
    void targetsWithoutAMeasurementSaySo() {
        String md = report();
        assertThat(md).contains("| ≥ 5,000 connects/s with JWT authentication (Mosquitto: anonymous, for context only) | "
                + "not measured in this run (case auth-connect was not run)");
        assertThat(md).contains("not measured in this run (case fanin-qos1-search was not run)");
    }

    @Test
    void noiseIsTheSpreadOfTheHeadlineFigurePerTarget() {
        // Starling: (120k - 90k) / 100k = 30 %; Mosquitto: (60k - 50k) / 50k = 20 %.
        assertThat(report()).contains("| fanin QoS 0, max sustained rate search | max sustained msg/s | 30 % | 20 % |");
    }

    @Test
    void noiseOfAPacedCaseIsTheSpreadOfItsP99() {
        BenchCase paced = new BenchCase(new FanInScenario(), 1, RatePlan.parse("10000"));
        List<Measurement> ms = new ArrayList<>();
        double[] p99 = {2.0, 3.0, 4.0};
        for (int i = 0; i < 3; i++) {
            RunResult r = new RunResult(Map.of(RunResult.DELIVERED_PER_SECOND, 10_000.0, RunResult.P99, p99[i]),
                    new Percentiles(10, 1, 1.5, 2, 3, 4), true, "");
            ms.add(new Measurement("Starling", i + 1, r, List.of()));
            ms.add(new Measurement("Mosquitto", i + 1, r, List.of()));
        }
        ReportData data = new ReportData(ENV, "./starling bench fanin", "MQTT 5.0", List.of("Starling", "Mosquitto"),
                Map.of(), 3, List.of(new CaseResults(paced, ms)), Map.of());
        // (4 - 2) / 3 = 67 %, where delivered msg/s would read 0 %.
        assertThat(MarkdownReport.write(data)).contains("| " + paced.label() + " | p99 ms | 67 % | 67 % |");
    }

    @Test
    void versionsCommandAndChartsAreInTheReport() {
        String md = report();
        assertThat(md).contains("| Starling commit | abc123 |", "| Mosquitto | 2.0.11 |", "| CPU | Test CPU, 2 cores |",
                "Command: `./starling bench fanin`", "![throughput](bench/results/throughput.png)",
                "](bench/results/latency-fanin-qos0-search.png)");
    }

    @Test
    void numbersAreRoundedForReading() {
        assertThat(MarkdownReport.number(1234.567)).isEqualTo("1,235");
        assertThat(MarkdownReport.number(12.345)).isEqualTo("12.3");
        assertThat(MarkdownReport.number(0.1234)).isEqualTo("0.12");
        assertThat(MarkdownReport.number(Double.NaN)).isEqualTo("—");
    }

    @Test
    void loadWithoutLossShowsLostDroppedAndDisconnectsPerBrokerWithItsNotes() {
        BenchCase load = new BenchCase(new io.starlingmq.bench.scenario.FanInLoadScenario(), 1, RatePlan.parse("10000"));
        Map<String, Double> starling = new java.util.LinkedHashMap<>(Map.of(RunResult.SENT, 200_000.0, RunResult.LOST, 42.0,
                io.starlingmq.bench.counters.DropMetrics.DROPPED, 42.0, RunResult.PUBLISHERS_DISCONNECTED, 4.0, RunResult.P99, 12.5));
        Map<String, Double> mosquitto = new java.util.LinkedHashMap<>(Map.of(RunResult.SENT, 200_000.0, RunResult.LOST, 0.0,
                io.starlingmq.bench.counters.DropMetrics.DROPPED, Double.NaN, RunResult.PUBLISHERS_DISCONNECTED, 0.0, RunResult.P99, 3.0));
        List<Measurement> ms = List.of(
                new Measurement("Starling", 1, new RunResult(starling, Percentiles.NONE, false,
                        "publishers ended by the broker, 4 of 4: DISCONNECT 0x89 ×4"), List.of()),
                new Measurement("Mosquitto", 1, new RunResult(mosquitto, Percentiles.NONE, true, ""), List.of()));
        String md = MarkdownReport.write(new ReportData(ENV, "./starling bench fanin-load", "MQTT 5.0",
                List.of("Starling", "Mosquitto"), Map.of(), 1, List.of(new CaseResults(load, ms)), Map.of()));
        assertThat(md).contains("## Load without loss (issue #14)");
        assertThat(md).contains("| " + load.label() + " | Starling | 200,000 | — | — | 42 | 42 | 4 | — | — | 12.5 | 0 of 1 |");
        assertThat(md).contains("| " + load.label() + " | Mosquitto | 200,000 | — | — | 0 | — | 0 | — | — | 3 | 1 of 1 |");
        assertThat(md).contains("Starling, repeat 1: publishers ended by the broker, 4 of 4: DISCONNECT 0x89 ×4");
        assertThat(md).contains("Mosquitto config: defaults (as Debian ships it");
    }
}
