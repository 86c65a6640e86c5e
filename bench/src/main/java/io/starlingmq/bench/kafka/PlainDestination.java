package io.starlingmq.bench.kafka;

import io.starlingmq.bench.stats.LatencyRecorder;
import io.starlingmq.bench.stats.Payload;
import io.starlingmq.bench.stats.StreamLedger;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A plain persistent subscriber ({@link PlainSubscriber}), connected for the whole scenario: a step's topics are
 * {@code plain/<step>/...}; arrivals are recorded as they come, latency from the publish call to the callback.
 */
final class PlainDestination implements Destination {

    private final AtomicLong strays = new AtomicLong();
    private final AtomicLong arrived = new AtomicLong();
    private volatile String prefix = "";
    private volatile StreamLedger ledger;
    private volatile LatencyRecorder latency;

    @Override
    public String name() {
        return "plain subscriber";
    }

    @Override
    public String topicRoot() {
        return "plain";
    }

    /** The subscriber's callback. */
    void onMessage(String topic, ByteBuffer payload) {
        long now = System.nanoTime();
        StreamLedger current = ledger;
        if (current == null || !topic.startsWith(prefix) || payload.remaining() < Payload.HEADER_BYTES) {
            strays.incrementAndGet();
            return;
        }
        current.received(0, Payload.publisher(payload), Payload.sequence(payload));
        latency.recordNanos(now - Payload.sentNanos(payload));
        arrived.incrementAndGet();
    }

    @Override
    public void prepare(String step, int partitions, StreamLedger stepLedger, LatencyRecorder stepLatency) {
        // Before the step's publishers connect; the ledger last, as it lets arrivals in.
        prefix = topicRoot() + "/" + step + "/";
        latency = stepLatency;
        arrived.set(0);
        ledger = stepLedger;
    }

    @Override
    public long arrivedSoFar() {
        return arrived.get();
    }

    @Override
    public boolean idle() {
        return true;
    }

    @Override
    public double[] inFlight() {
        return new double[] {Double.NaN, Double.NaN};
    }

    @Override
    public void collect() {
        // recorded as they arrived
    }

    @Override
    public long strays() {
        return strays.get();
    }
}
