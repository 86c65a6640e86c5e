package io.starlingmq.gateway.mqtt;

import io.starlingmq.gateway.auth.AuthConfig;
import io.starlingmq.gateway.config.GatewayConfig;
import io.starlingmq.gateway.link.RouterLinks;
import io.starlingmq.gateway.metrics.GatewayMetrics;
import io.starlingmq.gateway.session.ConnectionRegistry;

/** The process-wide collaborators every connection's handlers use. */
public record ConnectionServices(GatewayConfig config, RouterLinks links, ConnectionRegistry registry,
        GatewayMetrics metrics, ConnectAuthorizer authorizer, AuthConfig auth, PacketValidators validators) {

    public ConnectionServices(GatewayConfig config, RouterLinks links, ConnectionRegistry registry,
            GatewayMetrics metrics, ConnectAuthorizer authorizer, AuthConfig auth) {
        this(config, links, registry, metrics, authorizer, auth, PacketValidators.of(config));
    }
}
