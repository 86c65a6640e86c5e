package io.starlingmq.gateway.server;

import io.starlingmq.gateway.link.RouterLinks;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once every enabled listener was bound and a router linked at the same time, and from then on: a
 * gateway that never reached any router has a wrong router list or DNS name, or a network policy in the way,
 * which a startup probe should show before the gateway takes traffic. One router is enough: routers come and
 * go (a listed one may not run yet), and the client ids map to those that are linked.
 */
@Startup
@ApplicationScoped
public class GatewayStartup implements HealthCheck {

    private final MqttServer server;
    private final RouterLinks links;
    private final AtomicBoolean started = new AtomicBoolean();

    public GatewayStartup(MqttServer server, RouterLinks links) {
        this.server = server;
        this.links = links;
    }

    @Override
    public HealthCheckResponse call() {
        if (!started.get() && server.isListening() && links.upCount() > 0) {
            started.set(true);
        }
        return HealthCheckResponse.named("mqtt-gateway-started")
                .status(started.get())
                .withData("routers", links.count())
                .withData("routersUp", links.upCount())
                .build();
    }
}
