package io.starlingmq.gateway.mqtt;

import io.netty.handler.codec.mqtt.MqttConnectMessage;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one place where a validated CONNECT is accepted or refused. Devices connect anonymously until
 * the auth service exists; it will be called from here.
 */
@ApplicationScoped
public class ConnectAuthorizer {

    public ConnectDecision authorize(MqttConnectMessage connect) {
        return ConnectDecision.ALLOW;
    }
}
