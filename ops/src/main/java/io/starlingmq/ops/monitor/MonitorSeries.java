package io.starlingmq.ops.monitor;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The broker's counts over time: each reading becomes a sample holding the messages counted since the
 * reading before it, kept in a ring of fixed size. Thread-safe.
 */
public final class MonitorSeries {

    /** The most samples a series keeps, whatever the settings ask: about 28 h at 1 s, 11 days at 10 s. */
    static final int MAX_CAPACITY = 100_000;

    private final SampleRing ring;
    private final Clock clock;
    private Reading previous;

    MonitorSeries(int capacity, Clock clock) {
        this.ring = new SampleRing(capacity);
        this.clock = clock;
    }

    /** A series with room for {@code retention} of samples taken every {@code interval}. */
    public static MonitorSeries covering(Duration retention, Duration interval, Clock clock) {
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the monitor's interval must be at least 1s, not " + interval);
        }
        long samples = retention.toMillis() / interval.toMillis() + 1;
        if (samples > MAX_CAPACITY) {
            throw new IllegalArgumentException("keeping " + retention + " of samples every " + interval + " takes "
                    + samples + " samples; at most " + MAX_CAPACITY + ": lengthen the interval or shorten the retention");
        }
        return new MonitorSeries((int) Math.max(2, samples), clock);
    }

    /** Adds the sample {@code reading} makes, compared with the reading before it. */
    public synchronized Sample record(Reading reading) {
        Reading.Counters counted = previous == null ? Reading.Counters.ZERO : reading.since(previous);
        long interval = previous == null ? 0 : Math.max(0, reading.timeMillis() - previous.timeMillis());
        Sample sample = new Sample(reading.timeMillis(), interval, reading.connections(), reading.sessions(),
                reading.subscriptions(), reading.retained(), counted.received(), counted.sent(), counted.dropped(),
                reading.gateways());
        ring.add(sample);
        previous = reading;
        return sample;
    }

    /** The samples of the last {@code latest} (by the clock), oldest first. */
    public List<Sample> latest(Duration latest) {
        return ring.since(clock.millis() - latest.toMillis());
    }

    /** Every sample kept, oldest first. */
    public List<Sample> all() {
        return ring.since(Long.MIN_VALUE);
    }

    /** The latest sample: its rates are the current ones. */
    public Optional<Sample> newest() {
        return ring.latest();
    }

    public int capacity() {
        return ring.capacity();
    }
}
