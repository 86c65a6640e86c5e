package io.starlingmq.bench.autoscale;

import io.starlingmq.bench.report.StandaloneSection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The run's section of BENCHMARKS.md: how it was run, the chart, the figures the issue asks for (peak
 * reconnects per second against the bound, messages lost, time to even the load after a scale-out, what
 * the pod-deletion cost saved), and a line per event. Kept in {@code bench/results/autoscale.md} so a
 * full bench run carries it too, and put in place in BENCHMARKS.md (before the profile findings).
 */
final class AutoscaleReport {

    static final String HEADING = "## Autoscale: the HPA's algorithm driving gateways behind HAProxy";

    private AutoscaleReport() {
    }

    static String write(AutoscaleTrace trace, AutoscaleFigures f, HpaPolicy hpa, DrainSettings drain, double end,
            List<String> failures, String chart) {
        StringBuilder md = new StringBuilder();
        md.append(HEADING).append("\n\n");
        md.append("`./starling bench autoscale` (about ").append(Math.round(end / 60)).append(" minutes). ")
                .append("Redis, one router, HAProxy (TCP, `leastconn`, readiness checked every 200 ms) and the gateways ")
                .append("run as separate processes on this machine; the gateways have the drain and rebalance settings of ")
                .append("the `k8s/` ConfigMap (").append(String.join(", ", drain.environment().entrySet().stream()
                        .sorted(java.util.Map.Entry.comparingByKey()).map(e -> "`" + e.getKey() + "=" + e.getValue() + "`")
                        .toList())).append("). ");
        md.append(String.format(Locale.ROOT, "A loop applies the HPA's algorithm every %.0f s with the prod overlay's "
                        + "behaviour, its times divided by %d: desired = ceil(current x average connections / %.0f), none "
                        + "within %.0f %%; scale-up at most max(100 %%, 4 pods) per %.0f s; scale-down after a %.0f s "
                        + "stabilization window, 1 pod per %.0f s; %d to %d gateways (the manifest: %,.0f connections a "
                        + "gateway, %d to %d of them, its times %d times longer). A gateway to remove is the one with the "
                        + "fewest connections, as the pod-deletion cost makes Kubernetes choose.%n%n",
                hpa.syncPeriod().toMillis() / 1000.0, AutoscaleRun.SPEED_UP, hpa.targetPerPod(), hpa.tolerance() * 100,
                hpa.scaleUpPeriod().toMillis() / 1000.0, hpa.scaleDownStabilization().toMillis() / 1000.0,
                hpa.scaleDownPeriod().toMillis() / 1000.0, hpa.minReplicas(), hpa.maxReplicas(),
                HpaPolicy.MANIFEST.targetPerPod(), HpaPolicy.MANIFEST.minReplicas(), HpaPolicy.MANIFEST.maxReplicas(),
                AutoscaleRun.SPEED_UP));
        md.append(String.format(Locale.ROOT, "The load (HiveMQ clients with their own reconnect after 100 ms, through "
                        + "HAProxy): %d publishers (MQTT 5.0 and 3.1.1, QoS 1 and 2, persistent and clean) sending %.0f "
                        + "numbered messages a second in all, %d persistent and %d clean subscribers, and idle clients ramping "
                        + "from %d to %d connections over 60 s, held for 180 s, then down to %d over 60 s (those leaving "
                        + "picked at random).%n%n",
                AutoscaleRun.SHAPE.groups() * AutoscaleRun.SHAPE.publishersPerGroup(), AutoscaleRun.SHAPE.publishRate(),
                AutoscaleRun.SHAPE.groups() * AutoscaleRun.SHAPE.persistentSubscribersPerGroup(),
                AutoscaleRun.SHAPE.groups() * AutoscaleRun.SHAPE.cleanSubscribersPerGroup(), AutoscaleRun.SHAPE.connections(),
                AutoscaleRun.SHAPE.connections() - AutoscaleRun.SHAPE.idle() + AutoscaleRun.RAMP.get(1).idle(),
                AutoscaleRun.SHAPE.connections() - AutoscaleRun.SHAPE.idle() + AutoscaleRun.RAMP.getLast().idle()));
        md.append("![autoscale](").append(chart).append(")\n\n");
        md.append("| figure | value |\n|---|---|\n");
        md.append("| messages lost (acknowledged QoS 1/2, never delivered to a persistent subscriber) | ").append(f.lost())
                .append(" of ").append(f.delivery().acknowledged()).append(" acknowledged |\n");
        md.append("| QoS 2 duplicates, per-publisher order broken | ").append(f.delivery().qos2Duplicates().size()).append(", ")
                .append(f.delivery().outOfOrder().size()).append(" |\n");
        md.append("| persistent sessions not resumed (Session Present 0 on a reconnect), clients not connected at the end | ")
                .append(f.sessionViolations().size()).append(" |\n");
        int peak = f.peakSecond();
        md.append("| reconnects in all; the peak in one second, and the bound then (the paces configured for the drains "
                + "and rebalance rounds going on) | ").append(f.reconnects()).append("; ").append(f.peakReconnects())
                .append(" at ").append(peak).append(" s, bound ").append(f.boundPerSecond()[peak]).append(" |\n");
        md.append("| seconds with more reconnects than their bound | ").append(f.secondsAboveBound().isEmpty() ? "none"
                : f.secondsAboveBound().size() + ": " + f.secondsAboveBound().stream().limit(10)
                        .map(s -> s + " s (" + f.reconnectsPerSecond()[s] + " > " + f.boundPerSecond()[s] + ")").toList())
                .append(" |\n");
        for (AutoscaleFigures.DrainWave w : f.drainWaves()) {
            md.append(String.format(Locale.ROOT, "| drain of %s: %d connections; its pace (over %d s, at most %d/s); peak "
                            + "reconnects/s during it; time to exit | %d/s; %d/s; %.1f s%s |%n", w.drain().gateway(),
                    w.drain().connections(), drain.window().toSeconds(), drain.maxRate(), w.pace(), w.peakReconnects(),
                    w.drain().endSeconds() - w.drain().startSeconds(), w.drain().exitedInTime() ? "" : " (killed)"));
        }
        for (AutoscaleFigures.Evening e : f.evenings()) {
            md.append(String.format(Locale.ROOT, "| scale-out: %s in service at %.0f s; every gateway within %.0f %% of an "
                            + "even share | %s |%n", e.scaleOut().gateway(), e.scaleOut().inServiceSeconds(),
                    drain.rebalanceTolerance() * 100, e.seconds().map(s -> String.format(Locale.ROOT, "%.0f s later", s))
                            .orElse("not while it served")));
        }
        md.append(String.format(Locale.ROOT, "| clients moved by the scale-ins: removing the emptiest gateway "
                + "(pod-deletion cost) / the youngest (Kubernetes without it) | %d / %d |%n", f.movedWithCost(),
                f.movedWithoutCost()));
        if (!failures.isEmpty()) {
            md.append("| run failures | ").append(String.join("; ", failures)).append(" |\n");
        }
        md.append("\nEvents:\n\n");
        for (AutoscaleTrace.Event e : trace.events()) {
            md.append(String.format(Locale.ROOT, "- %.1f s: %s%n", e.seconds(), e.text()));
        }
        md.append('\n');
        return md.toString();
    }

    static boolean passed(AutoscaleFigures f, List<String> failures) {
        return failures.isEmpty() && f.delivery().passed() && f.sessionViolations().isEmpty();
    }

    static String verdict(AutoscaleFigures f, List<String> failures) {
        return (passed(f, failures) ? "autoscale: PASSED" : "autoscale: FAILED") + " (lost " + f.lost() + ", QoS 2 duplicates "
                + f.delivery().qos2Duplicates().size() + ", out of order " + f.delivery().outOfOrder().size()
                + ", session violations " + f.sessionViolations().size() + ", peak reconnects/s " + f.peakReconnects()
                + (failures.isEmpty() ? "" : ", failures " + failures) + ")";
    }

    /** Writes the section to {@code results} and puts it in place in {@code report}. */
    static void save(String section, Path results, Path report) throws IOException {
        StandaloneSection.save(HEADING, section, results, report);
    }
}
