package io.starlingmq.gateway.mqtt;

import io.netty.channel.Channel;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.util.AttributeKey;
import io.smallrye.mutiny.Uni;
import io.starlingmq.gateway.auth.AuthConfig;
import io.starlingmq.gateway.auth.AuthDecision;
import io.starlingmq.gateway.auth.Authenticator;
import io.starlingmq.gateway.auth.CertificateIdentity;
import io.starlingmq.gateway.auth.ConnectionAccess;
import io.starlingmq.gateway.auth.ConnectFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.SocketAddress;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * The one place where a validated CONNECT is accepted or refused: it gathers what the CONNECT and
 * the transport tell about the device and asks the {@link Authenticator} (anonymous, or the auth
 * service). With {@code certificate-identity} set, a verified client certificate names the user; a
 * will's topic must be allowed by the rules granted. It also judges MQTT 5 re-authentications, with
 * the identity the CONNECT presented.
 */
@ApplicationScoped
public class ConnectAuthorizer {

    /** The facts of a CONNECT that used enhanced authentication, kept for its re-authentications. */
    private static final AttributeKey<ConnectFacts> ENHANCED_FACTS =
            AttributeKey.valueOf("starling.auth.enhanced-facts");

    @Inject
    Authenticator authenticator;

    @Inject
    AuthConfig config;

    /** @param clientId the client id in force (assigned when the CONNECT carried none) */
    public Uni<AuthDecision> authorize(MqttConnectMessage connect, Channel channel, String clientId) {
        String claimed = connect.variableHeader().hasUserName() ? connect.payload().userName() : null;
        X509Certificate certificate = channel.attr(TransportAttributes.CLIENT_CERTIFICATE).get();
        CertificateIdentity identity = config.certificateIdentity();
        String username = claimed;
        if (certificate != null && identity != CertificateIdentity.NONE) {
            Optional<String> certified = identity.nameIn(certificate);
            if (certified.isEmpty()) {
                return Uni.createFrom().item(AuthDecision.deny(AuthDecision.Refusal.NOT_AUTHORIZED,
                        "client certificate has no " + identity + " name"));
            }
            if (claimed != null && !claimed.equals(certified.get())) {
                // A device that names itself otherwise than its certificate does is not who it claims.
                return Uni.createFrom().item(AuthDecision.deny(AuthDecision.Refusal.BAD_CREDENTIALS,
                        "username differs from the client certificate's " + identity + " name"));
            }
            username = certified.get();
        }
        ConnectFacts facts = facts(connect, channel, clientId, username);
        if (facts.authenticationMethod() != null) {
            channel.attr(ENHANCED_FACTS).set(facts.withAuthenticationData(null));
        }
        return authenticator.authenticate(facts).map(decision -> withWillChecked(connect, decision));
    }

    /** A will is a PUBLISH the connection makes later: its topic must be one the rules allow now. */
    private static AuthDecision withWillChecked(MqttConnectMessage connect, AuthDecision decision) {
        if (decision instanceof AuthDecision.Allow allow && connect.variableHeader().isWillFlag()
                && !ConnectionAccess.of(allow).mayPublish(connect.payload().willTopic())) {
            return AuthDecision.deny(AuthDecision.Refusal.NOT_AUTHORIZED,
                    "will topic outside the rules: " + connect.payload().willTopic());
        }
        return decision;
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

    private static ConnectFacts facts(MqttConnectMessage connect, Channel channel, String clientId, String username) {
        int version = connect.variableHeader().version();
        SocketAddress peer = channel.remoteAddress();
        MqttProperties properties = connect.variableHeader().properties();
        return new ConnectFacts(clientId,
                username,
                connect.variableHeader().hasPassword() ? connect.payload().passwordInBytes() : null,
                peer == null ? null : peer.toString(),
                channel.attr(TransportAttributes.CLIENT_CERT_SUBJECT).get(),
                version,
                version == 5 ? EnhancedAuthProperties.method(properties) : null,
                version == 5 ? EnhancedAuthProperties.data(properties) : null);
    }
}
