package io.starlingmq.bench.load;

import io.starlingmq.bench.stats.LatencyRecorder;
import io.starlingmq.bench.stats.Payload;
import io.starlingmq.bench.stats.StreamLedger;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** What every subscriber does with a message: sequence accounting, latency, time of the last arrival. */
public final class Receiver {

    private final StreamLedger ledger;
    private final AtomicLong lastArrivalNanos = new AtomicLong();
    private volatile LatencyRecorder latency;

    public Receiver(StreamLedger ledger, LatencyRecorder latency) {
        this.ledger = ledger;
        this.latency = latency;
    }

    /** Latencies from now on go to {@code recorder} (e.g. after a backlog whose latency means nothing). */
    public void recordInto(LatencyRecorder recorder) {
        this.latency = recorder;
    }

    public Consumer<ByteBuffer> forSubscriber(int subscriber) {
        return payload -> {
            long now = System.nanoTime();
            if (payload.remaining() < Payload.HEADER_BYTES) {
                ledger.received(subscriber, -1, 0);
                return;
            }
            ledger.received(subscriber, Payload.publisher(payload), Payload.sequence(payload));
            latency.recordNanos(now - Payload.sentNanos(payload));
            lastArrivalNanos.accumulateAndGet(now, Math::max);
        };
    }

    public long lastArrivalNanos() {
        return lastArrivalNanos.get();
    }
}
