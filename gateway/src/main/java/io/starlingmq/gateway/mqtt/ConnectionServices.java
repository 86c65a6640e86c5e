package io.starlingmq.gateway.mqtt;

import io.starlingmq.gateway.auth.AuthConfig;
import io.starlingmq.gateway.config.GatewayConfig;
import io.starlingmq.gateway.link.RouterLinks;
import io.starlingmq.gateway.metrics.GatewayMetrics;
import io.starlingmq.gateway.session.ConnectionRegistry;
import io.starlingmq.gateway.validation.TopicLimits;

/** The process-wide collaborators every connection's handlers use. */
public record ConnectionServices(GatewayConfig config, RouterLinks links, ConnectionRegistry registry,
        GatewayMetrics metrics, ConnectAuthorizer authorizer, AuthConfig auth) {

    /** The configured bounds on topic names and filters. */
    public TopicLimits topicLimits() {
        return new TopicLimits(config.maxTopicLevels(), config.maxTopicLength());
    }
}
