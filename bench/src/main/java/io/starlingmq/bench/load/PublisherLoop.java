package io.starlingmq.bench.load;

import io.starlingmq.bench.client.BenchClient;
import io.starlingmq.bench.stats.AckLedger;
import io.starlingmq.bench.stats.Payload;
import io.starlingmq.bench.stats.StreamLedger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives every publisher from its own thread: paced on a fixed schedule (open loop; a publisher that
 * falls behind sends late, never skips), or unpaced, and always within a window of outstanding publishes
 * ({@link PublishWindow}). A publisher whose connection the broker ended stops: what it would have sent
 * afterwards is not counted as sent.
 */
public final class PublisherLoop {

    /** How long the end of a run waits for outstanding publishes to be acknowledged. */
    private static final long SETTLE_SECONDS = 15;

    /**
     * The shortest sleep of a paced publisher. A publisher wakes at most once a tick and sends every
     * message that fell due meanwhile: a wake-up per message cost the load generator more CPU than
     * the broker under test spent on the message.
     */
    private static final long PACING_TICK_NANOS = 1_000_000;

    /** @param window the window of the publishers (the smallest, should the broker have granted them different ones) */
    public record Outcome(long sent, long errors, double seconds, boolean settled, int window) {
        public double sentPerSecond() {
            return seconds > 0 ? sent / seconds : 0;
        }
    }

    private final List<BenchClient> publishers;
    private final List<String> topics;
    private final StreamLedger ledger;
    private final LoadSettings settings;
    private final AckLedger acks;

    public PublisherLoop(List<BenchClient> publishers, List<String> topics, StreamLedger ledger, LoadSettings settings) {
        this(publishers, topics, ledger, settings, null);
    }

    /** @param acks records every publish the broker acknowledged; null when a run does not ask which */
    public PublisherLoop(List<BenchClient> publishers, List<String> topics, StreamLedger ledger, LoadSettings settings,
            AckLedger acks) {
        this.publishers = publishers;
        this.topics = topics;
        this.ledger = ledger;
        this.settings = settings;
        this.acks = acks;
    }

    /** Publishes for {@code duration}, or until each publisher sent {@code maxPerPublisher} messages. */
    public Outcome run(Duration duration, long maxPerPublisher) throws InterruptedException {
        int count = publishers.size();
        AtomicLong errors = new AtomicLong();
        List<Semaphore> windows = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        long interval = settings.rate().isPaced() ? (long) (1e9 * count / settings.rate().perSecond()) : 0;
        for (int i = 0; i < count; i++) {
            int publisher = i;
            int size = PublishWindow.of(settings, publishers.get(i));
            Semaphore window = new Semaphore(size);
            windows.add(window);
            sizes.add(size);
            Thread t = Thread.ofPlatform().name("bench-publisher-" + i).daemon().start(
                    () -> publish(publisher, window, start, deadline, interval, maxPerPublisher, errors));
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        boolean settled = true;
        for (int i = 0; i < count; i++) {
            settled &= windows.get(i).tryAcquire(sizes.get(i), SETTLE_SECONDS, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int window = sizes.stream().mapToInt(Integer::intValue).min().orElse(0);
        return new Outcome(ledger.sent(), errors.get(), seconds, settled, window);
    }

    private void publish(int publisher, Semaphore window, long start, long deadline, long interval, long max, AtomicLong errors) {
        BenchClient client = publishers.get(publisher);
        String topic = topics.get(publisher);
        // Spread the publishers' schedules so they do not all fire in the same instant.
        long next = start + (interval * publisher) / Math.max(1, publishers.size());
        for (long n = 0; n < max; n++) {
            if (interval > 0) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(Math.max(wait, PACING_TICK_NANOS));
                }
                next += interval;
            }
            if (System.nanoTime() >= deadline || client.endedByBroker().isPresent()) {
                return;
            }
            try {
                if (!window.tryAcquire(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long sequence = ledger.nextSequence(publisher);
            byte[] payload = Payload.encode(publisher, sequence, System.nanoTime(), settings.payloadSize());
            CompletableFuture<Void> published = client.publish(topic, settings.qos(), payload);
            if (published.isCompletedExceptionally() && client.endedByBroker().isPresent()) {
                // Refused on the spot because the broker had just ended the connection: nothing left.
                ledger.unsend(publisher);
            }
            published.whenComplete((ok, e) -> {
                if (e != null) {
                    errors.incrementAndGet();
                } else if (acks != null) {
                    acks.acknowledged(publisher, sequence);
                }
                window.release();
            });
        }
    }
}
