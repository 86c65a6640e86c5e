package io.starlingmq.systemtests.harness.fleet;

/** One message as a subscriber got it: whose it was, its sequence number, and the QoS it came with. */
public record Receipt(String publisher, long sequence, int qos) {
}
