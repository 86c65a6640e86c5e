package io.starlingmq.gateway.server;

import io.starlingmq.gateway.link.RouterLinks;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when every enabled MQTT listener is bound and every router link is up. */
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
        boolean linked = links.allUp();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("mqtt-gateway")
                .status(listening && linked)
                .withData("listening", listening)
                .withData("routers", linked);
        server.listenerStates().forEach((name, active) -> response.withData("listener." + name, active));
        return response.build();
    }
}
