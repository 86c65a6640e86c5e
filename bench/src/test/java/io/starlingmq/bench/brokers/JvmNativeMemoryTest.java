package io.starlingmq.bench.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class JvmNativeMemoryTest {

    private static final String SUMMARY = """
            28548:

            Native Memory Tracking:

            (Omitting categories weighting less than 1KB)

            Total: reserved=1995562KB, committed=645246KB
                   malloc: 21290KB #129066, peak=55528KB #126218
                   mmap:   reserved=1974272KB, committed=623956KB

            -                 Java Heap (reserved=524288KB, committed=524288KB)
                                        (mmap: reserved=524288KB, committed=524288KB, at peak)

            -                     Class (reserved=1049061KB, committed=4197KB)
                                        (classes #6770)

            -               Arena Chunk (reserved=2030KB, committed=2030KB)
                                        (malloc=2030KB tag=Arena Chunk #72) (peak=40174KB #819)
            """;

    @Test
    void countsTheCommittedTotalLessTheJavaHeapAndTheArenaChunkPool() {
        assertThat(JvmNativeMemory.parseOutsideHeap(SUMMARY))
                .hasValue((645246L - 524288L - 2030L) * 1024);
    }

    @Test
    void aSummaryWithoutArenaChunksCountsTheRestOutsideTheHeap() {
        String withoutArena = SUMMARY.substring(0, SUMMARY.indexOf("-               Arena Chunk"));

        assertThat(JvmNativeMemory.parseOutsideHeap(withoutArena)).hasValue((645246L - 524288L) * 1024);
    }

    @Test
    void aJvmThatDoesNotTrackNativeMemoryGivesNoFigure() {
        String answer = "28548:\nNative memory tracking is not enabled\n";

        assertThat(JvmNativeMemory.parseOutsideHeap(answer)).isEqualTo(OptionalLong.empty());
    }
}
