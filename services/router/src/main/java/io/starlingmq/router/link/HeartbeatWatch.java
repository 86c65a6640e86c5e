package io.starlingmq.router.link;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.starlingmq.router.config.RouterConfig;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Finds gateways that died without closing their streams. A SIGKILLed gateway's connection is not
 * always reported to the stream (the gRPC server on the shared Vert.x HTTP server may never signal
 * it), and a partition reports nothing at all; gateways send heartbeats, so silence means gone. So does
 * a stream whose outbound events wait for the whole timeout without the gateway taking a frame.
 */
@ApplicationScoped
public class HeartbeatWatch {

    @Inject
    Vertx vertx;
    @Inject
    GatewayRegistry registry;
    @Inject
    RouterConfig config;

    private volatile long timerId = -1;

    void onStart(@Observes StartupEvent event) {
        long timeoutNanos = config.gatewayTimeout().toNanos();
        long periodMillis = Math.max(100, config.gatewayTimeout().toMillis() / 4);
        timerId = vertx.setPeriodic(periodMillis, id -> check(System.nanoTime(), timeoutNanos));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    void check(long nowNanos, long timeoutNanos) {
        for (GatewayLink link : registry.all()) {
            // A gateway that takes no frame for as long is as gone as a silent one, and while it holds the
            // router's reading (OutboundCongestion) its own silence is not counted.
            if (link.silentNanos(nowNanos) > timeoutNanos || link.stalledNanos(nowNanos) > timeoutNanos) {
                link.lapse();
            }
        }
    }
}
