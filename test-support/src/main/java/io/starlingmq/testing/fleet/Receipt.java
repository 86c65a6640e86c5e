package io.starlingmq.testing.fleet;

/**
 * One message as a subscriber got it: whose it was, its sequence number, the QoS it came with, and when
 * ({@link FleetClock}).
 */
public record Receipt(String publisher, long sequence, int qos, long atNanos) {

    public Receipt(String publisher, long sequence, int qos) {
        this(publisher, sequence, qos, 0);
    }
}
