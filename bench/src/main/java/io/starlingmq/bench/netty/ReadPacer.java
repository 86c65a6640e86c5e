package io.starlingmq.bench.netty;

/**
 * Paces a slow consumer's reads: after each read from the socket, the pause that keeps the PUBLISH packets
 * taken so far at the allowed rate. A read that took many packets is followed by a long pause, a read that
 * took none by none. Event loop only.
 */
final class ReadPacer {

    private final double nanosPerMessage;
    private long owedNanos;
    private long lastReadEnd = System.nanoTime();

    ReadPacer(double messagesPerSecond) {
        if (messagesPerSecond <= 0) {
            throw new IllegalArgumentException("messages per second " + messagesPerSecond);
        }
        this.nanosPerMessage = 1e9 / messagesPerSecond;
    }

    void read(int messages) {
        owedNanos += (long) (messages * nanosPerMessage);
    }

    /** At the end of a read: how long to wait before the next. Time spent since the last read counts against it. */
    long pauseNanos() {
        return pauseNanos(System.nanoTime());
    }

    long pauseNanos(long now) {
        long elapsed = now - lastReadEnd;
        long pause = Math.max(0, owedNanos - elapsed);
        owedNanos = 0;
        lastReadEnd = now + pause;
        return pause;
    }
}
