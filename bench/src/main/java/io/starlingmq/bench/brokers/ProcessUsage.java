package io.starlingmq.bench.brokers;

/** One process of a broker during one run: average CPU (100 = one core busy) and peak resident memory. */
public record ProcessUsage(String process, double cpuPercent, long peakRssBytes) {
}
