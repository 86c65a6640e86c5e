package io.starlingmq.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StandaloneSectionTest {

    private static final String HEADING = "## Autoscale: a scenario of its own";
    private static final String SECTION = HEADING + "\n\nnew figures\n\n";

    @Test
    void aFirstSectionGoesBeforeTheProfileFindings() {
        String report = "# Benchmarks\n\n## fanin\n\nx\n\n## Profile findings\n\ny\n";
        assertThat(StandaloneSection.placed(report, HEADING, SECTION))
                .isEqualTo("# Benchmarks\n\n## fanin\n\nx\n\n" + SECTION + "## Profile findings\n\ny\n");
    }

    @Test
    void aLaterRunReplacesTheSectionAndKeepsWhatFollows() {
        String report = "# B\n\n" + HEADING + "\n\nold figures\n- 1.0 s: old event\n\n## Profile findings\n\ny\n";
        assertThat(StandaloneSection.placed(report, HEADING, SECTION)).isEqualTo("# B\n\n" + SECTION + "## Profile findings\n\ny\n");
    }

    @Test
    void withoutFindingsTheSectionIsAppended() {
        assertThat(StandaloneSection.placed("# B\n", HEADING, SECTION)).isEqualTo("# B\n\n" + SECTION);
    }
}
