package io.starlingmq.router.startup;

import io.starlingmq.router.index.RouterReadiness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness probe: UP once the store is started and the indexes are loaded. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject
    RouterReadiness readiness;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("starling-router-indexes").status(readiness.isReady()).build();
    }
}
