package io.starlingmq.ops.monitor;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.starlingmq.ops.config.OpsConfig;
import io.starlingmq.ops.routers.RoutersUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Reads the routers every {@code starling.ops.monitor.interval} into the series {@code /api/v5/monitor}
 * answers from. A reading no router answers leaves a gap: the series shows when the routers were unreachable.
 */
@ApplicationScoped
public class MonitorSampler {

    private static final Logger LOG = Logger.getLogger(MonitorSampler.class);

    private final RouterReadings readings;
    private final MonitorSeries series;
    private final long intervalMillis;
    private ScheduledExecutorService timer;

    @Inject
    public MonitorSampler(RouterReadings readings, OpsConfig config) {
        this.readings = readings;
        this.intervalMillis = config.monitor().interval().toMillis();
        this.series = MonitorSeries.covering(config.monitor().retention(), config.monitor().interval(),
                Clock.systemUTC());
    }

    void start(@Observes StartupEvent started) {
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "ops-monitor-sampler");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::sample, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void sample() {
        try {
            series.record(readings.read());
        } catch (RoutersUnavailableException e) {
            LOG.debugf("no monitor sample: %s", e.getMessage());
        } catch (RuntimeException e) {
            // A task that throws is never run again: one bad reading must not end the series.
            LOG.warnf(e, "monitor sample failed");
        }
    }

    public MonitorSeries series() {
        return series;
    }
}
