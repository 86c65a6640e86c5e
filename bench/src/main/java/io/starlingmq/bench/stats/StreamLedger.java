package io.starlingmq.bench.stats;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Sent counts per publisher and a {@link SequenceTracker} per expected (publisher, subscriber)
 * stream. Messages of a stream that is not expected count as strays, never silently.
 */
public final class StreamLedger {

    private final AtomicLongArray sent;
    private final SequenceTracker[][] streams;
    private final List<int[]> expected = new ArrayList<>();
    private final AtomicLong strays = new AtomicLong();

    /** @param routes for every subscriber, the publishers whose messages it must receive */
    public StreamLedger(int publishers, List<int[]> routes) {
        this.sent = new AtomicLongArray(publishers);
        this.streams = new SequenceTracker[routes.size()][publishers];
        for (int subscriber = 0; subscriber < routes.size(); subscriber++) {
            for (int publisher : routes.get(subscriber)) {
                streams[subscriber][publisher] = new SequenceTracker();
                expected.add(new int[] {publisher, subscriber});
            }
        }
    }

    /** Called by a publisher once its publish was handed to the client; returns the sequence to use. */
    public long nextSequence(int publisher) {
        return sent.getAndIncrement(publisher);
    }

    /**
     * Undoes the last {@link #nextSequence} of a publisher whose publish failed before any byte left.
     * Only valid from the publisher's own thread, right after the failure.
     */
    public void unsend(int publisher) {
        sent.decrementAndGet(publisher);
    }

    public void received(int subscriber, int publisher, long sequence) {
        SequenceTracker tracker = publisher >= 0 && publisher < sent.length() && subscriber < streams.length
                ? streams[subscriber][publisher] : null;
        if (tracker == null) {
            strays.incrementAndGet();
            return;
        }
        tracker.record(sequence);
    }

    public long sent() {
        long total = 0;
        for (int i = 0; i < sent.length(); i++) {
            total += sent.get(i);
        }
        return total;
    }

    /** Deliveries every subscriber should have had: each sent message times its receivers. */
    public long expected() {
        long total = 0;
        for (int[] stream : expected) {
            total += sent.get(stream[0]);
        }
        return total;
    }

    public long received() {
        return sum(Kind.RECEIVED);
    }

    /** How many of {@code sequences} of one publisher reached one subscriber (0 for a stream that is not expected). */
    public long receivedAmong(int subscriber, int publisher, BitSet sequences) {
        SequenceTracker tracker = streams[subscriber][publisher];
        return tracker == null ? 0 : tracker.receivedAmong(sequences);
    }

    /** Distinct messages received over every expected stream (duplicates counted once). */
    public long receivedUnique() {
        long total = 0;
        for (int[] stream : expected) {
            total += streams[stream[1]][stream[0]].unique();
        }
        return total;
    }

    public long lost() {
        return sum(Kind.LOST);
    }

    public long duplicates() {
        return sum(Kind.DUPLICATES);
    }

    public long outOfOrder() {
        return sum(Kind.OUT_OF_ORDER);
    }

    public long strays() {
        return strays.get();
    }

    private enum Kind { RECEIVED, LOST, DUPLICATES, OUT_OF_ORDER }

    private long sum(Kind kind) {
        long total = 0;
        for (int[] stream : expected) {
            SequenceTracker t = streams[stream[1]][stream[0]];
            total += switch (kind) {
                case RECEIVED -> t.received();
                case LOST -> t.lost(sent.get(stream[0]));
                case DUPLICATES -> t.duplicates();
                case OUT_OF_ORDER -> t.outOfOrder();
            };
        }
        return total;
    }
}
