package io.starlingmq.bench.stats;

import java.util.BitSet;

/**
 * Which sequence numbers of each publisher the broker acknowledged (PUBACK, or PUBREC for QoS 2, with
 * a success code), so a run can ask of exactly those messages whether they arrived.
 */
public final class AckLedger {

    private final BitSet[] acknowledged;

    public AckLedger(int publishers) {
        acknowledged = new BitSet[publishers];
        for (int i = 0; i < publishers; i++) {
            acknowledged[i] = new BitSet();
        }
    }

    public void acknowledged(int publisher, long sequence) {
        if (sequence < 0 || sequence > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("sequence out of range: " + sequence);
        }
        BitSet set = acknowledged[publisher];
        synchronized (set) {
            set.set((int) sequence);
        }
    }

    public int publishers() {
        return acknowledged.length;
    }

    /** A copy of one publisher's acknowledged sequence numbers. */
    public BitSet of(int publisher) {
        BitSet set = acknowledged[publisher];
        synchronized (set) {
            return (BitSet) set.clone();
        }
    }

    public long total() {
        long total = 0;
        for (int i = 0; i < acknowledged.length; i++) {
            total += of(i).cardinality();
        }
        return total;
    }
}
