package io.starlingmq.bench.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JitActivityTest {

    @Test
    void compilerThreadsAreRecognisedByTheirTruncatedKernelNames() {
        assertThat(JitActivity.isCompilerThread("C2 CompilerThre\n")).isTrue();
        assertThat(JitActivity.isCompilerThread("C1 CompilerThre")).isTrue();
        assertThat(JitActivity.isCompilerThread("vert.x-eventloo")).isFalse();
        assertThat(JitActivity.isCompilerThread("GC Thread#0")).isFalse();
    }

    @Test
    void thisJvmsCompilersHaveUsedCpuAndADeadPidCountsNothing() {
        long self = ProcessHandle.current().pid();
        assertThat(JitActivity.compilerCpuNanos(List.of(self))).isPositive();
        assertThat(JitActivity.compilerCpuNanos(List.of(Long.MAX_VALUE))).isZero();
    }
}
