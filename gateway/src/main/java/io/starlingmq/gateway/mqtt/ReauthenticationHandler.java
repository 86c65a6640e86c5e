package io.starlingmq.gateway.mqtt;

import static io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType.AUTHENTICATION_DATA;
import static io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType.AUTHENTICATION_METHOD;
import static io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType.REASON_STRING;
import static io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType.USER_PROPERTY;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnAckVariableHeader;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.starlingmq.contract.reason.AuthReason;
import io.starlingmq.contract.reason.DisconnectReason;
import io.starlingmq.gateway.auth.AuthDecision;
import io.starlingmq.gateway.session.Connection;
import io.starlingmq.gateway.validation.PropertyRules;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * MQTT 5 enhanced authentication after CONNECT: echoes the Authentication Method in a successful
 * CONNACK [MQTT-4.12.0-5] and serves re-authentication (AUTH 0x19) by asking the authenticator
 * again; an accepted re-authentication replaces the connection's access rules and expiry and is
 * answered AUTH 0x00.
 * It consumes every AUTH packet and passes everything else on untouched. At most one
 * re-authentication is in flight; the connection keeps working under its old rules meanwhile.
 */
public final class ReauthenticationHandler extends ChannelDuplexHandler {

    private static final Logger LOG = Logger.getLogger(ReauthenticationHandler.class);
    /** 5.0 §3.15.2.2: what an AUTH packet may carry. */
    private static final Set<MqttPropertyType> AUTH_PROPERTIES = EnumSet.of(AUTHENTICATION_METHOD,
            AUTHENTICATION_DATA, REASON_STRING, USER_PROPERTY);

    private final ConnectAuthorizer authorizer;
    private boolean connectSeen;
    private boolean mqtt5;
    /** The Authentication Method of the CONNECT; null when it used none. */
    private String method;
    /** A CONNACK accepting the connection has been sent. */
    private boolean accepted;
    private boolean inFlight;

    public ReauthenticationHandler(ConnectAuthorizer authorizer) {
        this.authorizer = authorizer;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MqttConnectMessage connect && !connectSeen) {
            connectSeen = true;
            mqtt5 = connect.variableHeader().version() == MqttVersion.MQTT_5.protocolLevel();
            method = mqtt5 ? EnhancedAuthProperties.method(connect.variableHeader().properties()) : null;
        } else if (msg instanceof MqttMessage message && message.fixedHeader().messageType() == MqttMessageType.AUTH) {
            // An AUTH packet has no payload to release.
            onAuth(ctx, message);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof MqttConnAckMessage connack
                && connack.variableHeader().connectReturnCode() == MqttConnectReturnCode.CONNECTION_ACCEPTED) {
            accepted = true;
            if (mqtt5 && method != null) {
                ctx.write(withAuthenticationMethod(connack), promise);
                return;
            }
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Connection connection = ChannelAttributes.connection(ctx.channel());
        if (connection != null) {
            // A renewal may have scheduled a timer the CONNECT handler does not know of.
            connection.access().cancelExpiry();
        }
        ctx.fireChannelInactive();
    }

    private void onAuth(ChannelHandlerContext ctx, MqttMessage auth) {
        if (Disconnects.isClosing(ctx.channel())) {
            return;
        }
        if (!mqtt5 || !accepted) {
            // 3.1.1 has no AUTH; before CONNACK no DISCONNECT may be sent [MQTT-3.14.0-1] and we never
            // asked the client to continue an authentication.
            Disconnects.close(ctx.channel());
            return;
        }
        Optional<DisconnectReason> refusal = refusal(auth);
        if (refusal.isPresent()) {
            Disconnects.disconnect(ctx.channel(), true, refusal.get());
            return;
        }
        inFlight = true;
        byte[] data = EnhancedAuthProperties.data(properties(auth));
        authorizer.reauthorize(ctx.channel(), data).subscribe().with(
                decision -> ctx.executor().execute(() -> onDecision(ctx, decision)),
                failure -> ctx.executor().execute(() -> onDecision(ctx,
                        AuthDecision.unavailable("re-authentication failed: " + failure.getMessage()))));
    }

    /** Why this AUTH cannot start a re-authentication; empty when it can. */
    private Optional<DisconnectReason> refusal(MqttMessage auth) {
        MqttProperties properties = properties(auth);
        if (method == null) {
            // [MQTT-4.12.0-7] no Authentication Method at CONNECT: the client must not send AUTH.
            return Optional.of(DisconnectReason.PROTOCOL_ERROR);
        }
        if (!PropertyRules.onlyAllowed(properties, AUTH_PROPERTIES)) {
            return Optional.of(DisconnectReason.MALFORMED_PACKET);
        }
        if (reasonCode(auth) != AuthReason.RE_AUTHENTICATE.code() || inFlight) {
            // No challenge was sent, so nothing else may follow CONNACK; one re-authentication at a time.
            return Optional.of(DisconnectReason.PROTOCOL_ERROR);
        }
        String authMethod = EnhancedAuthProperties.method(properties);
        if (authMethod == null) {
            return Optional.of(DisconnectReason.PROTOCOL_ERROR);
        }
        // [MQTT-4.12.1-1] a re-authentication uses the method the client connected with.
        return authMethod.equals(method) ? Optional.empty() : Optional.of(DisconnectReason.BAD_AUTHENTICATION_METHOD);
    }

    private void onDecision(ChannelHandlerContext ctx, AuthDecision decision) {
        inFlight = false;
        if (!ctx.channel().isActive() || Disconnects.isClosing(ctx.channel())) {
            return;
        }
        if (decision instanceof AuthDecision.Allow allow) {
            ChannelAttributes.connection(ctx.channel()).access().renew(allow);
            ctx.writeAndFlush(MqttMessageBuilders.auth()
                    .reasonCode((byte) AuthReason.SUCCESS.code())
                    .properties(EnhancedAuthProperties.withMethod(method))
                    .build());
            return;
        }
        LOG.debugf("re-authentication of %s refused: %s", ctx.channel().remoteAddress(), decision);
        Disconnects.disconnect(ctx.channel(), true, disconnectReason(decision));
    }

    /** DISCONNECT has no "server unavailable": an auth service that cannot answer is "try later", 0x89. */
    static DisconnectReason disconnectReason(AuthDecision decision) {
        return switch (decision) {
            case AuthDecision.Allow allow -> DisconnectReason.NORMAL_DISCONNECTION;
            case AuthDecision.Deny deny -> deny.refusal() == AuthDecision.Refusal.BAD_AUTHENTICATION_METHOD
                    ? DisconnectReason.BAD_AUTHENTICATION_METHOD : DisconnectReason.NOT_AUTHORIZED;
            case AuthDecision.Unavailable unavailable -> DisconnectReason.SERVER_BUSY;
            case AuthDecision.Busy busy -> DisconnectReason.SERVER_BUSY;
        };
    }

    private static MqttProperties properties(MqttMessage auth) {
        return auth.variableHeader() instanceof MqttReasonCodeAndPropertiesVariableHeader header
                ? header.properties() : MqttProperties.NO_PROPERTIES;
    }

    private static int reasonCode(MqttMessage auth) {
        return auth.variableHeader() instanceof MqttReasonCodeAndPropertiesVariableHeader header
                ? header.reasonCode() & 0xFF : AuthReason.SUCCESS.code();
    }

    private MqttConnAckMessage withAuthenticationMethod(MqttConnAckMessage connack) {
        MqttConnAckVariableHeader header = connack.variableHeader();
        MqttProperties properties = new MqttProperties();
        for (MqttProperties.MqttProperty<?> property : header.properties().listAll()) {
            properties.add(property);
        }
        properties.add(new MqttProperties.StringProperty(AUTHENTICATION_METHOD.value(), method));
        return new MqttConnAckMessage(connack.fixedHeader(),
                new MqttConnAckVariableHeader(header.connectReturnCode(), header.isSessionPresent(), properties));
    }
}
