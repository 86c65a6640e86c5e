package io.starlingmq.bench.load;

import java.util.Arrays;

/**
 * Which MQTT client library the bench drives: the HiveMQ client, or the raw Netty client written for the
 * bench, so that no finding rests on one library's pacing and habits.
 */
public enum ClientKind {
    HIVEMQ("hivemq"), NETTY("netty");

    private final String label;

    ClientKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ClientKind parse(String text) {
        return Arrays.stream(values()).filter(k -> k.label.equals(text.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown client: " + text + " (hivemq or netty)"));
    }
}
