package io.starlingmq.bench.client;

import java.util.Locale;

/**
 * How the broker ended a client's connection without being asked: a DISCONNECT packet with its reason
 * code (MQTT 5), or the connection closed or lost without one.
 *
 * @param reasonCode the DISCONNECT reason code, or {@link #NO_DISCONNECT} when none was received
 */
public record ConnectionEnd(int reasonCode) {

    public static final int NO_DISCONNECT = -1;
    public static final ConnectionEnd CLOSED = new ConnectionEnd(NO_DISCONNECT);

    public static ConnectionEnd disconnect(int reasonCode) {
        if (reasonCode < 0 || reasonCode > 0xFF) {
            throw new IllegalArgumentException("not a reason code: " + reasonCode);
        }
        return new ConnectionEnd(reasonCode);
    }

    public boolean hadDisconnect() {
        return reasonCode != NO_DISCONNECT;
    }

    /** e.g. {@code DISCONNECT 0x89} or {@code closed without DISCONNECT}. */
    public String describe() {
        return hadDisconnect() ? String.format(Locale.ROOT, "DISCONNECT 0x%02X", reasonCode) : "closed without DISCONNECT";
    }
}
