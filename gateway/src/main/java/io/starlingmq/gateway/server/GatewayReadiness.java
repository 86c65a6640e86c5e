package io.starlingmq.gateway.server;

import io.starlingmq.gateway.link.RouterLinks;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while every enabled MQTT listener accepts and at least one router link is up; not ready from the
 * moment shutdown starts (the listeners close before the drain). One router down does not take the
 * gateway out of its load balancer: the clients of the other routers can still connect (those of the
 * lost router are refused with Server unavailable until it returns, whichever gateway they reach), and a
 * rolling restart of the routers would otherwise take every gateway out at once.
 */
@Readiness
@ApplicationScoped
public class GatewayReadiness implements HealthCheck {

    private final MqttServer server;
    private final RouterLinks links;

    public GatewayReadiness(MqttServer server, RouterLinks links) {
        this.server = server;
        this.links = links;
    }

    @Override
    public HealthCheckResponse call() {
        boolean listening = server.isListening();
        int up = links.upCount();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("mqtt-gateway")
                .status(listening && up > 0)
                .withData("listening", listening)
                .withData("routers", links.count())
                .withData("routersUp", up);
        server.listenerStates().forEach((name, active) -> response.withData("listener." + name, active));
        return response.build();
    }
}
