package io.starlingmq.bench.report;

import io.starlingmq.bench.brokers.MosquittoConfig;
import io.starlingmq.bench.counters.DropMetrics;
import io.starlingmq.bench.load.RunResult;
import io.starlingmq.bench.run.CaseResults;
import io.starlingmq.bench.run.Measurement;
import io.starlingmq.bench.scenario.FanInLoadScenario;
import java.util.List;

/**
 * The report's section on load without loss (issue #14): for each fanin-load case and each broker, with the
 * configuration it ran with, what was sent and delivered, what was lost, what the broker counted as dropped,
 * how many publishers it disconnected, and the latency; then every repeat's notes (reason codes, losses).
 */
final class LoadSection {

    private static final List<String> FIGURES = List.of(RunResult.SENT, RunResult.SENT_PER_SECOND,
            RunResult.DELIVERED_PER_SECOND, RunResult.LOST, DropMetrics.DROPPED, RunResult.PUBLISHERS_DISCONNECTED,
            RunResult.SUBSCRIBERS_DISCONNECTED, RunResult.P50, RunResult.P99);

    private LoadSection() {
    }

    static void append(StringBuilder md, ReportData d) {
        List<CaseResults> load = d.results().stream()
                .filter(c -> c.benchCase().scenario() instanceof FanInLoadScenario).toList();
        if (load.isEmpty()) {
            return;
        }
        md.append("## Load without loss (issue #14)\n\n");
        md.append("Publishers into one subscriber of `prefix/#`, both brokers at their defaults, the way a user with a load "
                + "generator of their own meets them: Starling as `./starling up` runs it, Mosquitto "
                + MosquittoConfig.DEFAULTS.description() + ". The raw Netty client fills the window the broker "
                + "grants (its Receive Maximum at QoS 1; 1,000 unwritten publishes at QoS 0); the HiveMQ rows are the same "
                + "case with the other client. *Lost*: sent, never delivered. *Dropped*: the rise of Starling's "
                + "`starling_gateway_deliveries_dropped_total` + `starling_router_messages_dropped_total` over the run "
                + "(the per-row detail, link events and any `reason` split, is under Results per case); Mosquitto exports "
                + "no such counter (—). A case passes with no publisher disconnected and, except unpaced QoS 0, nothing "
                + "lost.\n\n");
        md.append("| case | broker | ");
        FIGURES.forEach(f -> md.append(f).append(" | "));
        md.append("passed |\n|---|---|").append("---|".repeat(FIGURES.size())).append("---|\n");
        for (CaseResults c : load) {
            for (String t : d.targets()) {
                md.append("| ").append(c.benchCase().label()).append(" | ").append(t).append(" | ");
                for (String f : FIGURES) {
                    md.append(MarkdownReport.cell(c.summary(t, f))).append(" | ");
                }
                long runs = c.measurements().stream().filter(m -> m.target().equals(t)).count();
                long passed = c.measurements().stream().filter(m -> m.target().equals(t) && m.result().passed()).count();
                md.append(runs == 0 ? "—" : passed + " of " + runs).append(" |\n");
            }
        }
        md.append('\n');
        List<Measurement> noted = load.stream().flatMap(c -> c.measurements().stream()).filter(m -> !m.result().note().isEmpty())
                .toList();
        if (noted.isEmpty()) {
            md.append("No repeat lost a message or had a connection ended by the broker.\n\n");
            return;
        }
        md.append("Per repeat:\n\n");
        for (CaseResults c : load) {
            for (Measurement m : c.measurements()) {
                if (!m.result().note().isEmpty()) {
                    md.append("- ").append(c.benchCase().label()).append(", ").append(m.target()).append(", repeat ")
                            .append(m.repeat()).append(": ").append(m.result().note()).append('\n');
                }
            }
        }
        md.append('\n');
    }
}
