package io.starlingmq.bench.scenario;

import io.starlingmq.bench.counters.DropCounters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether every publish the broker acknowledged ended as delivered or as a counted drop.
 *
 * @param acknowledged publishes the broker acknowledged with success
 * @param deliveredAcknowledged of those, how many reached the subscriber (at least once)
 * @param counted the rise of the broker's drop counters over the run; null when it has none (Mosquitto),
 *        where drops show only as missing sequence numbers
 */
public record OverloadVerdict(long acknowledged, long deliveredAcknowledged, DropCounters counted) {

    public OverloadVerdict {
        if (deliveredAcknowledged > acknowledged || deliveredAcknowledged < 0) {
            throw new IllegalArgumentException("delivered " + deliveredAcknowledged + " of " + acknowledged + " acknowledged");
        }
    }

    /** Acknowledged, never delivered. */
    public long missing() {
        return acknowledged - deliveredAcknowledged;
    }

    public boolean hasCounters() {
        return counted != null;
    }

    /**
     * Missing messages the counters do not explain: positive, lost without a count; negative, counted
     * drops beyond what went missing. NaN without counters.
     */
    public double unaccounted() {
        return hasCounters() ? missing() - counted.messages() : Double.NaN;
    }

    /** acknowledged = delivered + counted drops, exactly, and no link event dropped on the way. */
    public boolean accountedFor() {
        return hasCounters() && unaccounted() == 0 && counted.gatewayLinkEvents() == 0;
    }

    /** Every gap in words, empty when the books balance (or, without counters, what the missing ones are). */
    public List<String> gaps() {
        List<String> gaps = new ArrayList<>();
        if (!hasCounters()) {
            if (missing() > 0) {
                gaps.add(missing() + " acknowledged messages missing; the broker exports no drop counter, so these are"
                        + " its queue drops as seen from the subscriber");
            }
            return gaps;
        }
        double u = unaccounted();
        if (u > 0) {
            gaps.add(String.format(Locale.ROOT, "%.0f acknowledged messages lost without a count", u));
        } else if (u < 0) {
            gaps.add(String.format(Locale.ROOT, "%.0f drops counted beyond the messages missing", -u));
        }
        if (counted.gatewayLinkEvents() > 0) {
            gaps.add(String.format(Locale.ROOT, "%.0f gateway-to-router link events dropped", counted.gatewayLinkEvents()));
        }
        return gaps;
    }
}
