package io.starlingmq.bench.stats;

import java.util.BitSet;

/**
 * Accounting of one (publisher, subscriber) stream: which sequence numbers arrived, how many twice,
 * how many after a higher one. Sequence numbers start at 0 and grow by one per message sent.
 */
public final class SequenceTracker {

    private final BitSet seen = new BitSet();
    private long received;
    private long unique;
    private long duplicates;
    private long outOfOrder;
    private long highest = -1;

    public synchronized void record(long sequence) {
        if (sequence < 0 || sequence > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("sequence out of range: " + sequence);
        }
        received++;
        int index = (int) sequence;
        if (seen.get(index)) {
            duplicates++;
            return;
        }
        seen.set(index);
        unique++;
        if (sequence < highest) {
            outOfOrder++;
        } else {
            highest = sequence;
        }
    }

    public synchronized long received() {
        return received;
    }

    public synchronized long unique() {
        return unique;
    }

    public synchronized long duplicates() {
        return duplicates;
    }

    /** New messages that arrived after one with a higher sequence number. */
    public synchronized long outOfOrder() {
        return outOfOrder;
    }

    /** How many of {@code sequences} arrived at least once. */
    public synchronized long receivedAmong(BitSet sequences) {
        BitSet both = (BitSet) sequences.clone();
        both.and(seen);
        return both.cardinality();
    }

    /** Messages among the first {@code sent} that never arrived. */
    public synchronized long lost(long sent) {
        if (sent <= 0) {
            return 0;
        }
        return sent - seen.get(0, (int) Math.min(sent, Integer.MAX_VALUE)).cardinality();
    }
}
