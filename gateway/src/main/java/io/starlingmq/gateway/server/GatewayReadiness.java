package io.starlingmq.gateway.server;

import io.starlingmq.gateway.link.RouterLinks;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the MQTT listener is bound and every router link is up. */
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
        return HealthCheckResponse.named("mqtt-gateway")
                .status(listening && linked)
                .withData("listening", listening)
                .withData("routers", linked)
                .build();
    }
}
