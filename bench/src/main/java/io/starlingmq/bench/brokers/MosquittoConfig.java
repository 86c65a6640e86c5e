package io.starlingmq.bench.brokers;

import java.util.Arrays;

/**
 * Which configuration Mosquitto runs a case with. Starling always runs at its defaults.
 * <ul>
 * <li>{@link #MATCHED}: limits matched to Starling's defaults (outbound window 32, queue 1000) and
 * TCP_NODELAY like Starling's gateway; the cases of issue #5 compare the two brokers like for like.</li>
 * <li>{@link #DEFAULTS}: as Debian ships it, the way a user meets it (issue #14): only a listener and
 * {@code allow_anonymous true}, which a 2.0 listener needs; everything else Mosquitto's own defaults
 * (max_inflight_messages 20, max_queued_messages 1000, Nagle's algorithm on). Debian's packaged file also
 * turns persistence on, a snapshot every 30 minutes and at exit: left off here (Mosquitto's default), which
 * changes nothing on the message path of a run shorter than that.</li>
 * </ul>
 */
public enum MosquittoConfig {
    MATCHED("matched", "limits matched to Starling's (persistence false, max_inflight_messages 32, max_queued_messages 1000, "
            + "set_tcp_nodelay true)"),
    DEFAULTS("defaults", "as Debian ships it: a listener and allow_anonymous true only, Mosquitto's defaults otherwise "
            + "(max_inflight_messages 20, max_queued_messages 1000, no TCP_NODELAY; persistence off, Debian's file turns "
            + "it on with a 30-minute snapshot)");

    private final String label;
    private final String description;

    MosquittoConfig(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public static MosquittoConfig parse(String text) {
        return Arrays.stream(values()).filter(c -> c.label.equals(text.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown Mosquitto config: " + text + " (matched or defaults)"));
    }
}
