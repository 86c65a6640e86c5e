package io.starlingmq.bench.report;

import io.starlingmq.bench.run.CaseResults;
import io.starlingmq.bench.run.Measurement;
import io.starlingmq.bench.scenario.OverloadScenario;
import java.util.List;

/**
 * The report's section on overload: per subscriber session kind, how the acknowledged publishes ended
 * (delivered, dropped under the queue policy, unaccounted), the back-pressure seen by the publishers and
 * the gateway's memory, and every gap of every repeat in words.
 */
final class OverloadSection {

    private static final List<String> PHASES = List.of("clean", "persistent");
    private static final List<String> FIGURES = List.of(OverloadScenario.ACKNOWLEDGED, OverloadScenario.DELIVERED,
            OverloadScenario.MISSING, OverloadScenario.COUNTED, OverloadScenario.UNACCOUNTED, OverloadScenario.LINK_EVENTS,
            OverloadScenario.ATTEMPTED, OverloadScenario.ACHIEVED, OverloadScenario.SUBSCRIBER_RATE,
            OverloadScenario.PUBLISHERS_DISCONNECTED, OverloadScenario.SUBSCRIBER_DISCONNECTED,
            OverloadScenario.RSS_START, OverloadScenario.RSS_PEAK);

    private OverloadSection() {
    }

    static void append(StringBuilder md, ReportData d) {
        List<CaseResults> overload = d.results().stream()
                .filter(c -> c.benchCase().scenario() instanceof OverloadScenario).toList();
        if (overload.isEmpty()) {
            return;
        }
        md.append("## Overload: is every acknowledged message accounted for?\n\n");
        md.append("Publishers send as fast as their windows allow into one subscriber that takes messages at a fixed slow "
                + "rate (QoS 1/2: it acknowledges at that rate; QoS 0, which has no acknowledgement: it reads its socket at "
                + "that rate, so the broker meets a full socket), first with a clean session (the gateway's per-connection queue behind the outbound window is the "
                + "bound), then with a persistent one (the session queue in the store is the bound). Starling's drop "
                + "counters (`starling.gateway.deliveries.dropped`, `starling.router.messages.dropped`, and "
                + "`starling.gateway.link.events.dropped`, which must not rise) are read from the gateway's and the "
                + "router's `/q/metrics` before and after each phase; the books balance when acknowledged = delivered + "
                + "counted drops, exactly, and no publisher may be disconnected. At QoS 0, *acknowledged* means written to "
                + "the socket: QoS 0 messages may be dropped, but each must be delivered or counted. Mosquitto exports no drop counters: its drops are visible only as missing "
                + "sequence numbers, listed for context. Achieved against attempted rate shows back-pressure (with an "
                + "unpaced run, attempted is unbounded and shown as —); the gateway's RSS at start and at its peak shows "
                + "whether memory stayed bounded.\n\n");
        for (CaseResults c : overload) {
            md.append("### ").append(c.benchCase().label()).append("\n\n");
            table(md, d, c);
            gaps(md, c);
        }
    }

    private static void table(StringBuilder md, ReportData d, CaseResults c) {
        md.append("| session | figure |");
        d.targets().forEach(t -> md.append(' ').append(t).append(" |"));
        md.append("\n|---|---|").append("---|".repeat(d.targets().size())).append('\n');
        for (String phase : PHASES) {
            for (String figure : FIGURES) {
                md.append("| ").append(phase).append(" | ").append(figure).append(" |");
                for (String t : d.targets()) {
                    md.append(' ').append(MarkdownReport.cell(c.summary(t, phase + ": " + figure))).append(" |");
                }
                md.append('\n');
            }
        }
        md.append('\n');
    }

    private static void gaps(StringBuilder md, CaseResults c) {
        List<Measurement> withGaps = c.measurements().stream().filter(m -> !m.result().note().isEmpty()).toList();
        if (withGaps.isEmpty()) {
            md.append("No gap: in every repeat, every acknowledged message was delivered or counted as dropped.\n\n");
            return;
        }
        md.append("Gaps, per repeat:\n\n");
        for (Measurement m : withGaps) {
            md.append("- ").append(m.target()).append(", repeat ").append(m.repeat()).append(": ").append(m.result().note()).append('\n');
        }
        md.append('\n');
    }
}
