package io.starlingmq.bench.run;

import io.starlingmq.bench.load.LoadSettings;
import io.starlingmq.bench.load.Rate;
import io.starlingmq.bench.load.RunResult;
import io.starlingmq.bench.scenario.ConnScenario;
import io.starlingmq.bench.scenario.ScenarioContext;
import io.starlingmq.bench.scenario.ScenarioParams;
import io.starlingmq.bench.brokers.BrokerTarget;
import io.starlingmq.bench.brokers.CpuWatch;
import io.starlingmq.bench.brokers.JitActivity;
import io.starlingmq.bench.brokers.JwtAccess;
import io.starlingmq.bench.brokers.ProcessSampler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/** Runs one repeat of one case against one target, sampling the target's processes meanwhile. */
public final class CaseRunner {

    private static final Logger LOG = Logger.getLogger(CaseRunner.class);
    /** Seconds a run spends beyond its publishing time (connects, drain), for the progress estimate. */
    private static final double OVERHEAD_SECONDS = 3;
    /** A warm-up round in which the JIT compilers used less than this share of one core ends the warm-up. */
    public static final int QUIET_JIT_PERCENT = 10;

    private final BenchOptions options;
    private final String session = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private final AtomicInteger runCounter = new AtomicInteger();

    public CaseRunner(BenchOptions options) {
        this.options = options;
    }

    public double plannedSeconds(BenchCase c) {
        int phases = c.scenario().phases();
        double warmUp = options.warmUp().isZero() ? 0 : phases * (options.warmUp().toSeconds() + OVERHEAD_SECONDS);
        if (!c.scenario().hasRate()) {
            double connectRound = options.params().connections() / 1000.0 + 10;
            return options.warmUp().isZero() ? connectRound : 2 * connectRound;
        }
        if (c.rate().search()) {
            return options.search().maxSteps() * (options.search().stepDuration().toSeconds() + OVERHEAD_SECONDS) + warmUp;
        }
        return phases * (options.durationFor(c).toSeconds() + OVERHEAD_SECONDS) + warmUp;
    }

    public Measurement run(BenchCase c, BrokerTarget anyConfig, int repeat) throws InterruptedException {
        BrokerTarget target = anyConfig.configuredFor(c.mosquitto());
        target.checkAlive();
        LoadSettings base = new LoadSettings(options.version(), c.qos(), options.payloadSize(), options.durationFor(c),
                c.rate().rate(), options.windowFor(c), c.client());
        Optional<JwtAccess> jwt = c.scenario().authenticates() ? target.jwtAccess() : Optional.empty();
        if (!options.warmUp().isZero()) {
            warmUp(c, target, jwt, base);
        }
        try (ProcessSampler sampler = new ProcessSampler(jwt.map(JwtAccess::processes).orElseGet(target::processes))) {
            CpuWatch benchCpu = CpuWatch.startOwn();
            RunResult result;
            if (c.rate().search()) {
                LoadSettings step = base.withDuration(options.search().stepDuration());
                MaxRateSearch.Outcome<RunResult> outcome = options.search().search().search(
                        rate -> once(c, target, jwt, step.withRate(Rate.paced(rate)), options.params()), RunResult::passed);
                // Which step failed, and how, is what explains where a search settled.
                outcome.steps().forEach(s -> LOG.infof("%s %s step %.0f msg/s: %s (sent %.0f msg/s, lost %.0f, p99 %.2f ms)",
                        c.id(), target.name(), s.rate(), s.passed() ? "pass" : "fail",
                        s.result().metrics().getOrDefault(RunResult.SENT_PER_SECOND, Double.NaN),
                        s.result().metrics().getOrDefault(RunResult.LOST, Double.NaN),
                        s.result().metrics().getOrDefault(RunResult.P99, Double.NaN)));
                RunResult best = outcome.atBest() != null ? outcome.atBest() : outcome.steps().get(0).result();
                MaxRateSearch.Step<RunResult> above = outcome.failureAbove().orElse(null);
                result = best.with(Measurement.MAX_SUSTAINED, outcome.best()).withAll(FailureAbove.metrics(above));
                if (above != null && !above.result().note().isEmpty()) {
                    result = result.withNote(String.format(java.util.Locale.ROOT, "failed step above (%.0f msg/s): %s",
                            above.rate(), above.result().note()));
                }
            } else {
                result = once(c, target, jwt, base, options.params());
                if (!options.warmUp().isZero()) {
                    result = ConnScenario.afterWarmUp(result);
                }
            }
            // The load generator shares the machine: a figure set by its CPU rather than the broker's shows here.
            result = result.with(Measurement.BENCH_CPU_PERCENT, benchCpu.percentSoFar());
            return new Measurement(target.name(), repeat, result, sampler.finish());
        }
    }

    /**
     * Discarded runs just before the measured one, so JIT compilation, pools and buffers are warm for
     * every measurement, not only for the first case: rounds of the same case paced at the search's start
     * rate, or of as many connections as the measurement for a connect scenario. Rounds repeat while the
     * JIT compilers of the target's processes or of this one were busy in the last one (on 2 cores a JVM's compilers took
     * as much CPU as its event loops during connect runs, and one QoS 0 search rose 4,688 → 15,000 → 35,000
     * msg/s over three repeats as they finished), up to the warm-up limit.
     */
    private void warmUp(BenchCase c, BrokerTarget target, Optional<JwtAccess> jwt, LoadSettings base) throws InterruptedException {
        ScenarioParams p = options.params();
        // The load generator is a JVM too: its compilers count as much as the broker's.
        List<Long> pids = new ArrayList<>(jwt.map(JwtAccess::processes).orElseGet(target::processes).values());
        pids.add(ProcessHandle.current().pid());
        long deadline = System.nanoTime() + options.warmUpLimit().toNanos();
        int rounds = 0;
        double jitPercent;
        do {
            long jitBefore = JitActivity.compilerCpuNanos(pids);
            long start = System.nanoTime();
            if (c.scenario().hasRate()) {
                once(c, target, jwt, base.withDuration(options.warmUp()).withRate(Rate.paced(options.search().startRate())), p);
            } else {
                once(c, target, jwt, base, p);
            }
            rounds++;
            jitPercent = 100.0 * (JitActivity.compilerCpuNanos(pids) - jitBefore) / Math.max(1, System.nanoTime() - start);
        } while (jitPercent >= QUIET_JIT_PERCENT && System.nanoTime() < deadline);
        LOG.infof("%s %s: warm-up of %d round(s), JIT compilers at %.0f %% of a core in the last", c.id(), target.name(),
                rounds, jitPercent);
    }

    private RunResult once(BenchCase c, BrokerTarget target, Optional<JwtAccess> jwt, LoadSettings settings, ScenarioParams params)
            throws InterruptedException {
        String runId = "b" + session + "r" + runCounter.incrementAndGet();
        return c.scenario().run(new ScenarioContext(jwt.map(JwtAccess::endpoint).orElseGet(target::endpoint), settings,
                params, runId, target, target, jwt.map(JwtAccess::tokens).orElse(null),
                jwt.map(JwtAccess::processes).orElseGet(target::processes)));
    }
}
