package io.starlingmq.router.delayed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Counters of delayed publishes; created at start so they are exported from the first scrape. */
@Startup
@Singleton
public class DelayedMetrics {

    private final Counter scheduled;
    private final Counter refused;
    private final Counter invalid;
    private final Counter published;

    @Inject
    public DelayedMetrics(MeterRegistry registry) {
        scheduled = Counter.builder("starling.router.delayed.scheduled")
                .description("Delayed publishes stored until due").register(registry);
        refused = Counter.builder("starling.router.delayed.refused")
                .description("Delayed publishes refused because max-pending delayed messages were held").register(registry);
        invalid = Counter.builder("starling.router.delayed.invalid")
                .description("Publishes to a malformed $delayed topic, refused or (QoS 0) dropped").register(registry);
        published = Counter.builder("starling.router.delayed.published")
                .description("Delayed messages published when due").register(registry);
    }

    void scheduled(int count) {
        scheduled.increment(count);
    }

    void refused(int count) {
        refused.increment(count);
    }

    void invalid() {
        invalid.increment();
    }

    void published(int count) {
        published.increment(count);
    }
}
