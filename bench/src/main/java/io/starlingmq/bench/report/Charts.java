package io.starlingmq.bench.report;

import io.starlingmq.bench.run.CaseResults;
import io.starlingmq.bench.run.Measurement;
import io.starlingmq.bench.stats.Percentiles;
import io.starlingmq.bench.stats.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** PNG charts of a bench run: headline throughput of every case, latency percentiles of each case. */
public final class Charts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 450;

    private Charts() {
    }

    /** Writes the charts into {@code dir}; returns their links relative to {@code reportDir}, by case id. */
    public static Map<String, String> write(List<CaseResults> results, List<String> targets, Path dir, Path reportDir)
            throws IOException {
        Files.createDirectories(dir);
        Map<String, String> links = new LinkedHashMap<>();
        Path overview = dir.resolve("throughput.png");
        save(throughput(results, targets), overview);
        links.put("throughput", link(reportDir, overview));
        for (CaseResults c : results) {
            boolean hasLatency = c.measurements().stream().anyMatch(m -> m.result().latency().count() > 0);
            if (!hasLatency) {
                continue;
            }
            Path file = dir.resolve("latency-" + c.benchCase().id() + ".png");
            save(latency(c, targets), file);
            links.put(c.benchCase().id(), link(reportDir, file));
        }
        return links;
    }

    private static CategoryChart throughput(List<CaseResults> results, List<String> targets) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Headline rate per case (median of repeats)").yAxisTitle("per second").build();
        chart.getStyler().setXAxisLabelRotation(20);
        List<String> cases = results.stream().map(c -> c.benchCase().id()).toList();
        for (String t : targets) {
            List<Double> values = new ArrayList<>();
            for (CaseResults c : results) {
                double v = c.summary(t, Headline.metric(c.benchCase())).median();
                values.add(Double.isNaN(v) ? 0 : v);
            }
            chart.addSeries(t, cases, values);
        }
        return chart;
    }

    private static CategoryChart latency(CaseResults c, List<String> targets) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("End-to-end latency: " + c.benchCase().label()).yAxisTitle("ms").build();
        List<String> labels = List.of("p50", "p90", "p99", "p99.9");
        List<ToDoubleFunction<Percentiles>> pick = List.of(Percentiles::p50, Percentiles::p90, Percentiles::p99, Percentiles::p999);
        for (String t : targets) {
            List<Double> values = new ArrayList<>();
            for (ToDoubleFunction<Percentiles> f : pick) {
                List<Double> perRepeat = c.measurements().stream().filter(m -> m.target().equals(t))
                        .map(Measurement::result).map(r -> f.applyAsDouble(r.latency())).toList();
                double median = Summary.of(perRepeat).median();
                values.add(Double.isNaN(median) ? 0 : median);
            }
            chart.addSeries(t, labels, values);
        }
        return chart;
    }

    private static void save(CategoryChart chart, Path file) throws IOException {
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static String link(Path reportDir, Path file) {
        return reportDir.toAbsolutePath().relativize(file.toAbsolutePath()).toString();
    }
}
