package io.starlingmq.bench.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AutoscaleReportTest {

    private static final String SECTION = AutoscaleReport.HEADING + "\n\nnew figures\n\n";

    @Test
    void aFirstSectionGoesBeforeTheProfileFindings() {
        String report = "# Benchmarks\n\n## fanin\n\nx\n\n## Profile findings\n\ny\n";
        assertThat(AutoscaleReport.placed(report, SECTION))
                .isEqualTo("# Benchmarks\n\n## fanin\n\nx\n\n" + SECTION + "## Profile findings\n\ny\n");
    }

    @Test
    void aLaterRunReplacesTheSectionAndKeepsWhatFollows() {
        String report = "# B\n\n" + AutoscaleReport.HEADING + "\n\nold figures\n- 1.0 s: old event\n\n## Profile findings\n\ny\n";
        assertThat(AutoscaleReport.placed(report, SECTION)).isEqualTo("# B\n\n" + SECTION + "## Profile findings\n\ny\n");
    }

    @Test
    void withoutFindingsTheSectionIsAppended() {
        assertThat(AutoscaleReport.placed("# B\n", SECTION)).isEqualTo("# B\n\n" + SECTION);
    }
}
