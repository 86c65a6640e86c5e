package io.starlingmq.bench.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.starlingmq.bench.report.Environment;
import io.starlingmq.bench.stats.Percentiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaReportTest {

    private static final Map<String, Double> CPU = Map.of("router", 30.0, "gateway", 28.0, "redis", 23.0, "bridge", 16.0,
            "kafka", 8.0, "bench", 28.0);

    /** 10 s at {@code rate}: {@code arrived} a second while publishing, samples every second with the backlog given. */
    private static StepResult step(String destination, double rate, double arrived, long drops, long... backlog) {
        double perSecond = Double.isNaN(rate) ? 50_000 : rate;
        long acked = Math.round(perSecond * 10);
        List<StepResult.Sample> samples = new ArrayList<>();
        for (int i = 0; i < backlog.length; i++) {
            long ackedThen = Math.round(perSecond * (i + 1));
            samples.add(new StepResult.Sample(i + 1.0, ackedThen, ackedThen - backlog[i], 0, 32));
        }
        StepResult r = new StepResult("s01", destination, "search", rate, 64, 1, 32, 10, acked, acked, acked,
                Math.round(arrived * 10), acked - drops, 0, 0, 0, drops, drops, drops, 2.5, 1_500, 32, 0.012, 0, 0,
                new Percentiles(acked, 4, 8, 20, 30, 40), CPU, 12, StoreCalls.NONE, samples, List.of());
        return StepRunner.withVerdict(r);
    }

    private static KafkaRun.Figures figures() {
        StepResult best = step("bridge to Kafka", 3_000, 3_000, 0, 0, 10);
        StepResult above = step("bridge to Kafka", 4_000, 3_300, 0, 400, 900, 1_600);
        KafkaRun.Search bridge = new KafkaRun.Search("bridge to Kafka", "defaults", 64, 1, 3_000, List.of(best, above));
        KafkaRun.Search plain = new KafkaRun.Search("plain subscriber", "defaults", 64, 1, 16_000,
                List.of(step("plain subscriber", 16_000, 16_000, 0, 0)));
        StepResult unpaced = step("bridge to Kafka", Double.NaN, 3_100, 400_000, 99_000);
        KafkaRun.Variant window = new KafkaRun.Variant("router max-inflight 1,000", "`X=1000`",
                new KafkaRun.Search("bridge to Kafka", "max-inflight=1000", 64, 1, 24_000, List.of(best)), unpaced);
        return new KafkaRun.Figures(new Environment("2026-12-07 UTC", "abc", "2.0", "JDK 25", "AMD EPYC", 2, "Linux"),
                KafkaRun.Options.DEFAULT, 19, List.of(new ProducerPerf.Result(64, 1, 3_000_000, 200_000, 12, 1_800, 3_700,
                3_900), new ProducerPerf.Result(1024, 1, 600_000, 40_000, 40, 700, 1_300, 1_400)),
                List.of(bridge, plain), List.of(best, best), List.of(unpaced, unpaced), above, List.of(window),
                List.of("defaults: 4 rounds"), "4.0 4.1 4.2", "5.0 5.1 5.2");
    }

    @Test
    void theSectionCarriesTheHeadlineRatioAgainstTheTarget() {
        String md = KafkaReport.write(figures());
        assertThat(md).startsWith(KafkaReport.HEADING + "\n\n");
        assertThat(md).contains("| 64 B | 1 | 200,000 | 3,000 | 0.015× | **no** | 16,000 |");
        // No bridge search at 1 KiB in these figures: the row says so instead of inventing one.
        assertThat(md).contains("| 1 KiB | 1 | 40,000 | — | — | — | — |");
        assertThat(md).contains("4,000: 3,300 msg/s arrived while publishing");
        assertThat(md).contains("session would have dropped from 3.0 s on");
        assertThat(md).endsWith("Warm-ups: defaults: 4 rounds.\n\n");
    }

    @Test
    void theTimelineGivesArrivalsPerSecondOrTheBacklog() {
        StepResult r = step("bridge to Kafka", 4_000, 3_300, 0, 400, 900, 1_600);
        assertThat(KafkaReport.timeline(r, true)).isEqualTo("400, 900, 1,600");
        assertThat(KafkaReport.timeline(r, false)).isEqualTo("3,600, 3,500, 3,300");
    }
}
