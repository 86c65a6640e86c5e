package io.starlingmq.bench.report;

import io.starlingmq.bench.run.CaseResults;
import java.util.List;
import java.util.Map;

/**
 * What the report is written from.
 *
 * @param targets target names in run order; the first is compared with the second (Starling / Mosquitto)
 * @param targetConfigurations one line per target saying how it was configured
 * @param charts chart links relative to the report, by case id; "throughput" for the overview chart
 */
public record ReportData(Environment environment, String command, String settings, List<String> targets,
        Map<String, String> targetConfigurations, int repeats, List<CaseResults> results, Map<String, String> charts) {
}
