package io.starlingmq.ops.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The latest samples, oldest first, at most {@code capacity}: a new one past that replaces the oldest. */
final class SampleRing {

    private final Sample[] slots;
    private int next;
    private int size;

    SampleRing(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a series needs room for at least 2 samples, not " + capacity);
        }
        this.slots = new Sample[capacity];
    }

    synchronized void add(Sample sample) {
        slots[next] = sample;
        next = (next + 1) % slots.length;
        size = Math.min(size + 1, slots.length);
    }

    /** The samples taken at or after {@code fromMillis}, oldest first. */
    synchronized List<Sample> since(long fromMillis) {
        List<Sample> found = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Sample sample = slots[(next - size + i + slots.length) % slots.length];
            if (sample.timeMillis() >= fromMillis) {
                found.add(sample);
            }
        }
        return found;
    }

    synchronized Optional<Sample> latest() {
        return size == 0 ? Optional.empty() : Optional.of(slots[(next - 1 + slots.length) % slots.length]);
    }

    synchronized int size() {
        return size;
    }

    int capacity() {
        return slots.length;
    }
}
