package io.starlingmq.bridge.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One rule's meters, tagged {@code rule} and {@code kind}: messages matched (read from the source), sent
 * (handed to the destination), acknowledged (the destination has them and the source was told), failed
 * (sends that failed and will be retried), dead-lettered; in flight now, the age of the oldest in flight, and
 * the lag (records waiting in Kafka for a Kafka-sourced rule).
 */
public final class RuleMeters {

    private final Counter matched;
    private final Counter sent;
    private final Counter acknowledged;
    private final Counter failed;
    private final Counter deadLettered;
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong lag = new AtomicLong();
    /** Start times of the messages in flight (nanoTime, with a sequence to keep equal times apart). */
    private final ConcurrentSkipListMap<Long, Long> startedAt = new ConcurrentSkipListMap<>();
    private final AtomicLong sequence = new AtomicLong();

    public RuleMeters(MeterRegistry registry, String rule, String kind) {
        Tags tags = Tags.of("rule", rule, "kind", kind);
        matched = registry.counter("starling.bridge.messages.matched", tags);
        sent = registry.counter("starling.bridge.messages.sent", tags);
        acknowledged = registry.counter("starling.bridge.messages.acknowledged", tags);
        failed = registry.counter("starling.bridge.messages.failed", tags);
        deadLettered = registry.counter("starling.bridge.messages.dead.lettered", tags);
        Gauge.builder("starling.bridge.in.flight", inFlight, AtomicLong::get).tags(tags)
                .description("messages read and not yet confirmed by the destination").register(registry);
        Gauge.builder("starling.bridge.oldest.in.flight.seconds", this, RuleMeters::oldestInFlightSeconds)
                .tags(tags).description("age of the oldest message in flight").register(registry);
        Gauge.builder("starling.bridge.lag", lag, AtomicLong::get).tags(tags)
                .description("records waiting in the source (Kafka-sourced rules)").register(registry);
    }

    /** A message was read; returns its ticket for {@link #done}. */
    public long matched() {
        matched.increment();
        inFlight.incrementAndGet();
        long ticket = sequence.incrementAndGet();
        startedAt.put(ticket, System.nanoTime());
        return ticket;
    }

    public void sent() {
        sent.increment();
    }

    public void failed() {
        failed.increment();
    }

    public void acknowledged(long ticket) {
        acknowledged.increment();
        done(ticket);
    }

    public void deadLettered(long ticket) {
        deadLettered.increment();
        done(ticket);
    }

    /** The message left this bridge without an acknowledgement (its connection went; it will come again). */
    public void abandoned(long ticket) {
        done(ticket);
    }

    private void done(long ticket) {
        if (startedAt.remove(ticket) != null) {
            inFlight.decrementAndGet();
        }
    }

    public void lag(long records) {
        lag.set(records);
    }

    public long inFlight() {
        return inFlight.get();
    }

    public double oldestInFlightSeconds() {
        var oldest = startedAt.firstEntry();
        return oldest == null ? 0 : (System.nanoTime() - oldest.getValue()) / 1e9;
    }

    public double count(String what) {
        return switch (what) {
            case "matched" -> matched.count();
            case "sent" -> sent.count();
            case "acknowledged" -> acknowledged.count();
            case "failed" -> failed.count();
            case "dead_lettered" -> deadLettered.count();
            default -> throw new IllegalArgumentException(what);
        };
    }
}
