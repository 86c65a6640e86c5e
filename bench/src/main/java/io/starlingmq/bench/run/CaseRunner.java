package io.starlingmq.bench.run;

import io.starlingmq.bench.load.LoadSettings;
import io.starlingmq.bench.load.Rate;
import io.starlingmq.bench.load.RunResult;
import io.starlingmq.bench.scenario.ScenarioContext;
import io.starlingmq.bench.brokers.BrokerTarget;
import io.starlingmq.bench.brokers.ProcessSampler;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/** Runs one repeat of one case against one target, sampling the target's processes meanwhile. */
public final class CaseRunner {

    private static final Logger LOG = Logger.getLogger(CaseRunner.class);
    /** Seconds a run spends beyond its publishing time (connects, drain), for the progress estimate. */
    private static final double OVERHEAD_SECONDS = 3;

    private final BenchOptions options;
    private final String session = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private final AtomicInteger runCounter = new AtomicInteger();

    public CaseRunner(BenchOptions options) {
        this.options = options;
    }

    public double plannedSeconds(BenchCase c) {
        if (!c.scenario().hasRate()) {
            return options.params().connections() / 1000.0 + 10;
        }
        if (c.rate().search()) {
            return options.search().maxSteps() * (options.search().stepDuration().toSeconds() + OVERHEAD_SECONDS);
        }
        return options.duration().toSeconds() + OVERHEAD_SECONDS;
    }

    public Measurement run(BenchCase c, BrokerTarget target, int repeat) throws InterruptedException {
        target.checkAlive();
        LoadSettings base = new LoadSettings(options.version(), c.qos(), options.payloadSize(), options.duration(),
                c.rate().rate(), options.window());
        try (ProcessSampler sampler = new ProcessSampler(target.processes())) {
            RunResult result;
            if (c.rate().search()) {
                LoadSettings step = base.withDuration(options.search().stepDuration());
                MaxRateSearch.Outcome<RunResult> outcome = options.search().search().search(
                        rate -> once(c, target, step.withRate(Rate.paced(rate))), RunResult::passed);
                outcome.steps().forEach(s -> LOG.debugf("%s %s step %.0f msg/s: %s", c.id(), target.name(), s.rate(),
                        s.passed() ? "pass" : "fail"));
                RunResult best = outcome.atBest() != null ? outcome.atBest() : outcome.steps().get(0).result();
                result = best.with(Measurement.MAX_SUSTAINED, outcome.best());
            } else {
                result = once(c, target, base);
            }
            return new Measurement(target.name(), repeat, result, sampler.finish());
        }
    }

    private RunResult once(BenchCase c, BrokerTarget target, LoadSettings settings) throws InterruptedException {
        String runId = "b" + session + "r" + runCounter.incrementAndGet();
        return c.scenario().run(new ScenarioContext(target.endpoint(), settings, options.params(), runId, target));
    }
}
