package io.starlingmq.gateway.mqtt;

import io.netty.channel.Channel;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.util.AttributeKey;
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
 * service). It also judges MQTT 5 re-authentications, with the identity the CONNECT presented.
 */
@ApplicationScoped
public class ConnectAuthorizer {

    /** The facts of a CONNECT that used enhanced authentication, kept for its re-authentications. */
    private static final AttributeKey<ConnectFacts> ENHANCED_FACTS = AttributeKey.valueOf("starling.auth.enhanced-facts");

    @Inject
    Authenticator authenticator;

    /** @param clientId the client id in force (assigned when the CONNECT carried none) */
    public Uni<AuthDecision> authorize(MqttConnectMessage connect, Channel channel, String clientId) {
        ConnectFacts facts = facts(connect, channel, clientId);
        if (facts.authenticationMethod() != null) {
            channel.attr(ENHANCED_FACTS).set(facts.withAuthenticationData(null));
        }
        return authenticator.authenticate(facts);
    }

    /**
     * Judges fresh Authentication Data for a connection whose CONNECT used enhanced authentication,
     * under the same client id, username, certificate and method.
     */
    public Uni<AuthDecision> reauthorize(Channel channel, byte[] authenticationData) {
        ConnectFacts facts = channel.attr(ENHANCED_FACTS).get();
        if (facts == null) {
            return Uni.createFrom().item(AuthDecision.deny(AuthDecision.Refusal.BAD_AUTHENTICATION_METHOD,
                    "re-authentication without enhanced authentication at CONNECT"));
        }
        return authenticator.authenticate(facts.withAuthenticationData(authenticationData));
    }

    private static ConnectFacts facts(MqttConnectMessage connect, Channel channel, String clientId) {
        int version = connect.variableHeader().version();
        SocketAddress peer = channel.remoteAddress();
        MqttProperties properties = connect.variableHeader().properties();
        return new ConnectFacts(clientId,
                connect.variableHeader().hasUserName() ? connect.payload().userName() : null,
                connect.variableHeader().hasPassword() ? connect.payload().passwordInBytes() : null,
                peer == null ? null : peer.toString(),
                channel.attr(TransportAttributes.CLIENT_CERT_SUBJECT).get(),
                version,
                version == 5 ? EnhancedAuthProperties.method(properties) : null,
                version == 5 ? EnhancedAuthProperties.data(properties) : null);
    }
}
