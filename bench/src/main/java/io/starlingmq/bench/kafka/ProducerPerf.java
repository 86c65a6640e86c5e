package io.starlingmq.bench.kafka;

import io.starlingmq.launcher.JavaService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own producer benchmark, {@code org.apache.kafka.tools.ProducerPerformance} from Kafka's jars, as its
 * users run it: unthrottled ({@code --throughput -1}), {@code acks=all} and idempotent like the bridge's producer,
 * the producer's other settings at their defaults. Its rate is what this machine's Kafka takes from one producer.
 */
final class ProducerPerf {

    /** The summary line the tool prints last. */
    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency,"
                    + " (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99.9th");
    private static final long TIMEOUT_SECONDS = 300;

    /** One run: records and their size, the topic's partitions, what the tool measured (latencies in ms). */
    record Result(int recordSize, int partitions, long records, double recordsPerSecond, double megabytesPerSecond,
                  double avgMillis, double p99Millis, double maxMillis) {
    }

    private ProducerPerf() {
    }

    static Result run(Path kafkaLibs, String bootstrapServers, String topic, int partitions, long records, int recordSize,
            Path log) throws IOException, InterruptedException {
        List<String> command = List.of(JavaService.currentJava().toString(), "-Xmx512m", "-cp",
                kafkaLibs.resolve("*").toString(), "org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic, "--num-records", Long.toString(records), "--record-size", Integer.toString(recordSize),
                "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all", "enable.idempotence=true");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("ProducerPerformance did not finish within " + TIMEOUT_SECONDS + " s");
            }
        } finally {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        return parse(output, recordSize, partitions).orElseThrow(() -> new IllegalStateException(
                "ProducerPerformance printed no summary (exit " + process.exitValue() + "); see " + log));
    }

    /** The last summary line of the tool's output. */
    static Optional<Result> parse(String output, int recordSize, int partitions) {
        Matcher m = SUMMARY.matcher(output);
        Result last = null;
        while (m.find()) {
            last = new Result(recordSize, partitions, Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)), Double.parseDouble(m.group(8)),
                    Double.parseDouble(m.group(5)));
        }
        return Optional.ofNullable(last);
    }
}
