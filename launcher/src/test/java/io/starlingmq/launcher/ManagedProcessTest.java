package io.starlingmq.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {

    @TempDir
    Path dir;

    @Test
    void aProcessThatExitsDuringStartupFailsAtOnceWithItsLog() throws Exception {
        ManagedProcess process = ManagedProcess.start("early-exit", List.of("sh", "-c", "echo cannot bind; exit 3"),
                Map.of(), dir.resolve("early-exit.log"));
        long before = System.nanoTime();

        assertThatThrownBy(() -> process.awaitReady(() -> false, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("early-exit exited during startup (code 3)")
                .hasMessageContaining("cannot bind");
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aProcessNotReadyInTimeIsStopped() throws Exception {
        ManagedProcess process = ManagedProcess.start("never-ready", List.of("sleep", "300"), Map.of(),
                dir.resolve("never-ready.log"));

        assertThatThrownBy(() -> process.awaitReady(() -> false, Duration.ofMillis(500)))
                .hasMessageContaining("never-ready not ready after");
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void closeStopsTheProcessAndWhatItStarted() throws Exception {
        ManagedProcess process = ManagedProcess.start("wrapper", List.of("sh", "-c", "sleep 300 & wait"), Map.of(),
                dir.resolve("wrapper.log"));
        ProcessHandle child = awaitChild(process);

        process.close();

        assertThat(process.isAlive()).isFalse();
        assertThat(child.isAlive()).as("the wrapper's child").isFalse();
    }

    @Test
    void killGivesNoChanceToSayGoodbye() throws Exception {
        Path log = dir.resolve("polite.log");
        ManagedProcess process = ManagedProcess.start("polite",
                List.of("sh", "-c", "trap 'echo goodbye; exit 0' TERM; echo started; while true; do sleep 0.1; done"),
                Map.of(), log);
        process.awaitReady(() -> readLog(log).contains("started"), Duration.ofSeconds(10));

        process.kill();

        assertThat(process.isAlive()).isFalse();
        assertThat(readLog(log)).doesNotContain("goodbye");
    }

    @Test
    void terminateSendsSigtermAndLeavesTheShutdownToTheProcess() throws Exception {
        Path log = dir.resolve("slow-to-stop.log");
        ManagedProcess process = ManagedProcess.start("slow-to-stop",
                List.of("sh", "-c", "trap 'echo draining; sleep 1; echo goodbye; exit 0' TERM; echo started; "
                        + "while true; do sleep 0.1; done"),
                Map.of(), log);
        process.awaitReady(() -> readLog(log).contains("started"), Duration.ofSeconds(10));
        long before = System.nanoTime();

        process.terminate();

        assertThat(Duration.ofNanos(System.nanoTime() - before)).as("terminate waits for nothing")
                .isLessThan(Duration.ofMillis(500));
        assertThat(process.awaitExit(Duration.ofMillis(100))).as("still shutting down").isFalse();
        assertThat(process.awaitExit(Duration.ofSeconds(10))).isTrue();
        assertThat(readLog(log)).contains("draining", "goodbye");
    }

    @Test
    void aProcessInASessionOfItsOwnLeadsItsOwnProcessGroup() throws Exception {
        try (ManagedProcess process = ManagedProcess.start("detached", List.of("sleep", "300"), Map.of(),
                dir.resolve("detached.log"), ProcessSession.OWN)) {
            // setsid runs before it execs the command: wait for it rather than read too early.
            process.awaitReady(() -> processGroup(process.pid()) == process.pid(), Duration.ofSeconds(10));
        }
        try (ManagedProcess process = ManagedProcess.start("attached", List.of("sleep", "300"), Map.of(),
                dir.resolve("attached.log"))) {
            assertThat(processGroup(process.pid())).isEqualTo(processGroup(ProcessHandle.current().pid()));
        }
    }

    private static ProcessHandle awaitChild(ManagedProcess process) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            var child = ProcessHandle.of(process.pid()).flatMap(p -> p.children().findFirst());
            if (child.isPresent()) {
                return child.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the wrapper started no child");
    }

    /** Field 5 of /proc/PID/stat, after the command name in parentheses. */
    private static long processGroup(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[2]);
    }

    private static String readLog(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
