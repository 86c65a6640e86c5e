package io.starlingmq.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.IntSupplier;

/**
 * One router link's meters, tagged with the router's address: frames written and read, and the events
 * waiting in the link's queue (its depth is what congests the link and holds publishers back).
 */
public final class LinkMeters {

    private final Counter framesSent;
    private final Counter framesReceived;
    private final MeterRegistry registry;
    private final String router;

    LinkMeters(MeterRegistry registry, String router) {
        this.registry = registry;
        this.router = router;
        framesSent = Counter.builder("starling.gateway.link.frames.sent")
                .description("Frames written to a router link").tag("router", router).register(registry);
        framesReceived = Counter.builder("starling.gateway.link.frames.received")
                .description("Frames read from a router link").tag("router", router).register(registry);
    }

    /** Reports {@code queued} (the events waiting in the link's queue) as the link's queue depth. */
    public void queueDepth(IntSupplier queued) {
        Gauge.builder("starling.gateway.link.queue.events", queued, IntSupplier::getAsInt)
                .description("Events waiting in a router link's queue").tag("router", router)
                // The supplier is a method reference nobody else holds: a weak reference would lose it.
                .strongReference(true)
                .register(registry);
    }

    public void frameSent() {
        framesSent.increment();
    }

    public void frameReceived() {
        framesReceived.increment();
    }
}
