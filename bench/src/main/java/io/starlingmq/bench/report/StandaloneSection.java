package io.starlingmq.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The section of BENCHMARKS.md that a scenario run on its own writes (autoscale, listing): kept in
 * {@code bench/results/} so a full bench run carries it too, and put in place in BENCHMARKS.md, replacing
 * its last version, or else before the profile findings.
 */
public final class StandaloneSection {

    private static final String FINDINGS_HEADING = "## Profile findings";

    private StandaloneSection() {
    }

    /** Writes {@code section} (starting with {@code heading}) to {@code results} and puts it in place in {@code report}. */
    public static void save(String heading, String section, Path results, Path report) throws IOException {
        Files.createDirectories(results.getParent());
        Files.writeString(results, section);
        String text = Files.isRegularFile(report) ? Files.readString(report) : "";
        Files.writeString(report, placed(text, heading, section));
    }

    public static String placed(String report, String heading, String section) {
        int start = report.indexOf(heading);
        if (start >= 0) {
            int next = report.indexOf("\n## ", start + heading.length());
            return report.substring(0, start) + section + (next < 0 ? "" : report.substring(next + 1));
        }
        int findings = report.indexOf(FINDINGS_HEADING);
        if (findings >= 0) {
            return report.substring(0, findings) + section + report.substring(findings);
        }
        return report + (report.isEmpty() || report.endsWith("\n\n") ? "" : "\n") + section;
    }
}
