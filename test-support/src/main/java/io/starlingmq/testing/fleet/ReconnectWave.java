package io.starlingmq.testing.fleet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The reconnect wave of the clients of one drained gateway, measured at the clients: for each client,
 * when its connection ended (its disconnected listener ran: the departure) and when it was connected
 * again (the CONNACK of its next connection arrived: the reconnect).
 *
 * <h2>What is asserted, and the one allowance</h2>
 * The drain contract: consecutive asks to leave at least {@code 1/R} apart ({@code R} the configured
 * {@code max-rate}), so any half-open interval of length {@code W} holds at most {@code ceil(R W)} asks.
 *
 * <p>A client learns of its ask a delivery delay {@code D} later (the gateway's event loop, the load
 * balancer, the client's event loop), reconnects exactly {@link FleetClient#RECONNECT_DELAY} ({@code d})
 * after that (no backoff, no jitter), and its CONNACK arrives a connect latency {@code L} later (TCP
 * through the load balancer, the gateway, the router's session open in Redis, and back). If every
 * {@code D + L} lies in {@code [Emin, Emax]}, the reconnects that land in a 1-second window
 * {@code [a, a+1)} were asked in {@code [a - d - Emax, a + 1 - d - Emin)}, an interval of length
 * {@code 1 + (Emax - Emin)}: at most {@code ceil(R (1 + Emax - Emin))} of them, whatever the bucketing.
 * {@link #peakReconnects()} is the most reconnects in any 1-second window (sliding, so at least the
 * peak of any fixed bucketing).
 *
 * <p>The clients measure {@code L} (their departure to their CONNACK); its spread is {@code J}
 * ({@link #latencySpreadNanos()}). {@code D} they cannot measure (the ask's time is the gateway's), but
 * its path (gateway event loop, load balancer, client event loop) is a part of the path {@code L}
 * takes (which crosses each of them, twice for the first two, plus the router and Redis), so its spread
 * is taken as at most {@code J}: {@code Emax - Emin <= 2 J}, and the bound is
 * {@code ceil(R (1 + 2 J))} ({@link #bound(double)}). That is the one allowance, and it shows in the
 * figures: departures seen at the clients already peak one above {@code R} at times while the gateway
 * spaces its asks exactly.
 *
 * <p>A storm would show up twice: as a peak above the bound, and as a latency spread that grows because
 * the gateways queue the connects. So {@code J} is capped ({@link #MAX_LATENCY_SPREAD_NANOS}): beyond it
 * the clients' clocks can no longer tell a paced drain from a burst, and the test fails rather than
 * widening the allowance. With {@code J} around 0.1 s the test resolves a pace about a fifth above
 * {@code R}; an ask-everyone-at-once drain of 100 clients peaks at 100.
 */
public final class ReconnectWave {

    /** Beyond this spread of reconnect latencies the clients' clock cannot resolve a rate per second. */
    public static final long MAX_LATENCY_SPREAD_NANOS = 500_000_000L;
    private static final long SECOND = 1_000_000_000L;

    private final List<Long> departures;
    private final List<Long> reconnects;
    private final List<Long> latencies;
    private final List<String> notBack;

    private ReconnectWave(List<Long> departures, List<Long> reconnects, List<Long> latencies, List<String> notBack) {
        this.departures = departures.stream().sorted().toList();
        this.reconnects = reconnects.stream().sorted().toList();
        this.latencies = latencies.stream().sorted().toList();
        this.notBack = List.copyOf(notBack);
    }

    /**
     * The wave of the clients whose connection ended within [{@code fromNanos}, {@code toNanos}] (e.g.
     * from the SIGTERM to the drained gateway's exit): each such client's first departure in it, and its
     * first connect after that.
     */
    public static ReconnectWave of(Collection<FleetClient> clients, long fromNanos, long toNanos) {
        List<Long> departures = new ArrayList<>();
        List<Long> reconnects = new ArrayList<>();
        List<Long> latencies = new ArrayList<>();
        List<String> notBack = new ArrayList<>();
        for (FleetClient client : clients) {
            List<Timeline.Disconnect> left = client.timeline().departuresBetween(fromNanos, toNanos);
            if (left.isEmpty()) {
                continue;
            }
            long departure = left.getFirst().atNanos();
            departures.add(departure);
            Optional<Timeline.Connect> back = client.timeline().firstConnectAfter(departure);
            if (back.isPresent()) {
                reconnects.add(back.get().atNanos());
                latencies.add(back.get().atNanos() - departure);
            } else {
                notBack.add(client.id());
            }
        }
        return new ReconnectWave(departures, reconnects, latencies, notBack);
    }

    /** For tests of the measurement: departures and their reconnects, pairwise. */
    static ReconnectWave of(List<Long> departures, List<Long> reconnects) {
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < departures.size(); i++) {
            latencies.add(reconnects.get(i) - departures.get(i));
        }
        return new ReconnectWave(departures, reconnects, latencies, List.of());
    }

    /** How many clients left. */
    public int clients() {
        return departures.size();
    }

    /** The clients that left and have not connected again. */
    public List<String> notBack() {
        return notBack;
    }

    /** The most departures in any 1-second window. */
    public int peakDepartures() {
        return peak(departures);
    }

    /** The most reconnects (CONNACKs) in any 1-second window. */
    public int peakReconnects() {
        return peak(reconnects);
    }

    /** {@code Lmax - Lmin} over the clients' reconnect latencies (departure to CONNACK). */
    public long latencySpreadNanos() {
        return latencies.isEmpty() ? 0 : latencies.getLast() - latencies.getFirst();
    }

    /** The bound on {@link #peakReconnects()} for asks paced at {@code maxRate} per second: {@code ceil(R (1 + 2 J))}. */
    public int bound(double maxRate) {
        return (int) Math.ceil(maxRate * (1 + 2 * latencySpreadNanos() / (double) SECOND) - 1e-9);
    }

    /** From the first departure to the last: how long the drain took, seen from the clients. */
    public long departureSpanNanos() {
        return departures.isEmpty() ? 0 : departures.getLast() - departures.getFirst();
    }

    /** Reconnects per 1-second bucket from the first departure on, for the report. */
    public List<Integer> reconnectsPerSecond() {
        return buckets(reconnects);
    }

    public List<Integer> departuresPerSecond() {
        return buckets(departures);
    }

    private List<Integer> buckets(List<Long> times) {
        List<Integer> counts = new ArrayList<>();
        if (departures.isEmpty()) {
            return counts;
        }
        long origin = departures.getFirst();
        for (long t : times) {
            int bucket = (int) Math.floorDiv(t - origin, SECOND);
            while (counts.size() <= bucket) {
                counts.add(0);
            }
            counts.set(bucket, counts.get(bucket) + 1);
        }
        return counts;
    }

    /** The most of the (sorted) times in any half-open window [t, t + 1 s); the maximum starts at one of them. */
    static int peak(List<Long> sorted) {
        int best = 0;
        int end = 0;
        for (int start = 0; start < sorted.size(); start++) {
            while (end < sorted.size() && sorted.get(end) < sorted.get(start) + SECOND) {
                end++;
            }
            best = Math.max(best, end - start);
        }
        return best;
    }

    public String describe(double maxRate) {
        return String.format(Locale.ROOT,
                "%d clients left over %.2f s; departures per second %s (peak in any 1 s: %d); reconnects per second %s "
                        + "(peak in any 1 s: %d); reconnect latency %s; bound ceil(%.0f x (1 + 2 x %.3f)) = %d; not back: %s",
                clients(), departureSpanNanos() / 1e9, departuresPerSecond(), peakDepartures(), reconnectsPerSecond(),
                peakReconnects(), latencyRange(), maxRate, latencySpreadNanos() / 1e9, bound(maxRate), notBack);
    }

    private String latencyRange() {
        if (latencies.isEmpty()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%d..%d ms (median %d)", latencies.getFirst() / 1_000_000,
                latencies.getLast() / 1_000_000, latencies.get(latencies.size() / 2) / 1_000_000);
    }
}
