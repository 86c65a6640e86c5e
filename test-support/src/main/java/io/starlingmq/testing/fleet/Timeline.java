package io.starlingmq.testing.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A client's connects (each CONNACK's arrival and Session Present flag) and disconnects (each time its
 * disconnected listener ran), in the fleet's clock ({@link FleetClock}). Written by the client's threads,
 * read by the checks.
 */
public final class Timeline {

    /** A CONNACK that accepted the connection. */
    public record Connect(long atNanos, boolean sessionPresent) {
    }

    /**
     * The client's disconnected listener ran: the connection was lost or closed ({@code attempt} 0), or a
     * reconnect attempt failed ({@code attempt} > 0).
     *
     * @param reason what ended it: the MQTT 5 DISCONNECT's reason code ({@code 0x8B}), with its Server
     *               Reference if any, or the cause's class for a closed connection
     */
    public record Disconnect(long atNanos, int attempt, String source, String reason) {

        /** The connection ended (rather than an attempt to reconnect failing). */
        public boolean isDeparture() {
            return attempt == 0;
        }
    }

    private final List<Connect> connects = new ArrayList<>();
    private final List<Disconnect> disconnects = new ArrayList<>();

    synchronized void connected(long atNanos, boolean sessionPresent) {
        connects.add(new Connect(atNanos, sessionPresent));
    }

    synchronized void disconnected(long atNanos, int attempt, String source, String reason) {
        disconnects.add(new Disconnect(atNanos, attempt, source, reason));
    }

    public synchronized List<Connect> connects() {
        return List.copyOf(connects);
    }

    public synchronized List<Disconnect> disconnects() {
        return List.copyOf(disconnects);
    }

    /** The connections that ended within [{@code fromNanos}, {@code toNanos}]. */
    public synchronized List<Disconnect> departuresBetween(long fromNanos, long toNanos) {
        return disconnects.stream().filter(Disconnect::isDeparture)
                .filter(d -> d.atNanos() >= fromNanos && d.atNanos() <= toNanos).toList();
    }

    /** The first connect at or after {@code atNanos}. */
    public synchronized Optional<Connect> firstConnectAfter(long atNanos) {
        return connects.stream().filter(c -> c.atNanos() >= atNanos).findFirst();
    }

    /** For tests of the checks: a timeline with the given events. */
    public static Timeline of(List<Connect> connects, List<Disconnect> disconnects) {
        Timeline timeline = new Timeline();
        timeline.connects.addAll(connects);
        timeline.disconnects.addAll(disconnects);
        return timeline;
    }

    public synchronized String describe() {
        List<String> events = new ArrayList<>();
        connects.forEach(c -> events.add(FleetClock.format(c.atNanos()) + " connected sp=" + (c.sessionPresent() ? 1 : 0)));
        disconnects.forEach(d -> events.add(FleetClock.format(d.atNanos()) + " disconnected attempt=" + d.attempt()
                + " " + d.source() + " " + d.reason()));
        events.sort(null);
        return String.join("; ", events);
    }
}
