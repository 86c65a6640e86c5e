package io.starlingmq.router.link;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each gateway stream's meters, labelled with the gateway's id: frames read and written, events waiting. They
 * come with the stream's registration and go with it, so gateways that an autoscaler removed leave no series.
 */
@ApplicationScoped
public class LinkMeters {

    private final Map<GatewayLink, List<Meter>> meters = new ConcurrentHashMap<>();

    @Inject
    MeterRegistry registry;

    void registered(GatewayLink link) {
        String gateway = link.gatewayId();
        meters.put(link, List.of(
                FunctionCounter.builder("starling.router.link.frames.received", link, GatewayLink::framesReceived)
                        .tag("gateway", gateway).description("Frames read from a gateway stream").register(registry),
                FunctionCounter.builder("starling.router.link.frames.sent", link, l -> l.sender().framesSent())
                        .tag("gateway", gateway).description("Frames written to a gateway stream").register(registry),
                Gauge.builder("starling.router.link.pending.events", link, l -> l.sender().pendingEvents())
                        .tag("gateway", gateway).description("Events waiting to be written to a gateway stream")
                        .register(registry)));
    }

    void unregistered(GatewayLink link) {
        List<Meter> removed = meters.remove(link);
        if (removed != null) {
            removed.forEach(registry::remove);
        }
    }
}
