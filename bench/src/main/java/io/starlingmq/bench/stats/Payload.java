package io.starlingmq.bench.stats;

import java.nio.ByteBuffer;

/**
 * The bytes every benchmark message carries: publisher index, sequence number and send time, then
 * zero padding up to the requested size. Publishers and subscribers share one process, so
 * {@link System#nanoTime()} is a valid clock on both ends.
 */
public final class Payload {

    /** int publisher + long sequence + long send time. */
    public static final int HEADER_BYTES = 4 + 8 + 8;

    private Payload() {
    }

    public static byte[] encode(int publisher, long sequence, long sentNanos, int size) {
        if (size < HEADER_BYTES) {
            throw new IllegalArgumentException("payload size must be at least " + HEADER_BYTES + " bytes, was " + size);
        }
        return ByteBuffer.allocate(size).putInt(publisher).putLong(sequence).putLong(sentNanos).array();
    }

    public static int publisher(ByteBuffer payload) {
        return payload.getInt(payload.position());
    }

    public static long sequence(ByteBuffer payload) {
        return payload.getLong(payload.position() + 4);
    }

    public static long sentNanos(ByteBuffer payload) {
        return payload.getLong(payload.position() + 12);
    }
}
