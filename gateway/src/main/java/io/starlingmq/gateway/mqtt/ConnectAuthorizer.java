package io.starlingmq.gateway.mqtt;

import io.netty.channel.Channel;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.smallrye.mutiny.Uni;
import io.starlingmq.gateway.auth.AuthDecision;
import io.starlingmq.gateway.auth.Authenticator;
import io.starlingmq.gateway.auth.ConnectFacts;
import io.starlingmq.gateway.server.TransportAttributes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.SocketAddress;

/**
 * The one place where a validated CONNECT is accepted or refused: it gathers what the CONNECT and
 * the transport tell about the device and asks the {@link Authenticator} (anonymous, or the auth
 * service).
 */
@ApplicationScoped
public class ConnectAuthorizer {

    @Inject
    Authenticator authenticator;

    /** @param clientId the client id in force (assigned when the CONNECT carried none) */
    public Uni<AuthDecision> authorize(MqttConnectMessage connect, Channel channel, String clientId) {
        return authenticator.authenticate(facts(connect, channel, clientId));
    }

    private static ConnectFacts facts(MqttConnectMessage connect, Channel channel, String clientId) {
        int version = connect.variableHeader().version();
        SocketAddress peer = channel.remoteAddress();
        return new ConnectFacts(clientId,
                connect.variableHeader().hasUserName() ? connect.payload().userName() : null,
                connect.variableHeader().hasPassword() ? connect.payload().passwordInBytes() : null,
                peer == null ? null : peer.toString(),
                channel.attr(TransportAttributes.CLIENT_CERT_SUBJECT).get(),
                version,
                version == 5 ? authenticationMethod(connect.variableHeader().properties()) : null);
    }

    private static String authenticationMethod(MqttProperties properties) {
        MqttProperties.MqttProperty<?> method = properties.getProperty(MqttPropertyType.AUTHENTICATION_METHOD.value());
        return method == null ? null : (String) method.value();
    }
}
