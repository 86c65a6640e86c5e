package io.starlingmq.gateway.mqtt;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.starlingmq.contract.link.v1.GatewayEvent;
import io.starlingmq.contract.link.v1.RouterEvent;
import io.starlingmq.contract.link.v1.SessionOpen;
import io.starlingmq.contract.link.v1.Will;
import io.starlingmq.contract.link.v1.SessionOpened;
import io.starlingmq.contract.reason.ConnackReason;
import io.starlingmq.contract.reason.DisconnectReason;
import io.starlingmq.gateway.auth.AuthDecision;
import io.starlingmq.gateway.auth.ConnectionAccess;
import io.starlingmq.gateway.config.GatewayConfig;
import io.starlingmq.gateway.link.RouterLink;
import io.starlingmq.gateway.session.ClientPreferences;
import io.starlingmq.gateway.session.Connection;
import io.starlingmq.gateway.session.ConnectionIdentity;
import io.starlingmq.gateway.session.ConnectionRegistry;
import io.starlingmq.gateway.session.RouterEventListener;
import io.starlingmq.gateway.validation.ConnectValidator;
import io.starlingmq.gateway.validation.PropertyRules;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Owns a connection until its CONNECT is answered: the first packet must be CONNECT within
 * connect-timeout; it is validated, authorized, opened at the router, and answered with CONNACK.
 * Then the session handler takes over and this handler leaves the pipeline.
 */
public final class ConnectHandler extends ChannelInboundHandlerAdapter implements RouterEventListener {

    /** MQTT 5 default Receive Maximum when the client sends none. */
    private static final int DEFAULT_RECEIVE_MAXIMUM = 65_535;

    private final ConnectionServices services;
    private final GatewayConfig config;
    private final ConnectValidator validator;
    /** Packets that arrived between CONNECT and CONNACK; handed to the session handler in order. */
    private final ArrayDeque<Object> held = new ArrayDeque<>();
    private final int maxHeld;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> timeout;
    private Connection connection;
    private String assignedClientId;
    private KeepAliveGrant keepAlive;
    private boolean responseInformationRequested;
    private boolean mqtt5;
    /** The CONNECT is with the authenticator: packets that follow are held, not judged. */
    private boolean authenticating;

    public ConnectHandler(ConnectionServices services) {
        this.services = services;
        this.config = services.config();
        this.validator = new ConnectValidator(config.maxClientIdLength());
        this.maxHeld = config.maxPendingPublishes();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        long millis = config.connectTimeout().toMillis();
        timeout = ctx.executor().schedule(() -> Disconnects.close(ctx.channel()), millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelTimeout();
        releaseHeld();
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (Disconnects.isClosing(ctx.channel())) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (connection != null || authenticating) {
            hold(msg);
            return;
        }
        if (msg instanceof MqttConnectMessage connect) {
            onConnect(connect);
        } else {
            // Anything but CONNECT first is a protocol violation with no reply format known yet.
            ReferenceCountUtil.release(msg);
            Disconnects.close(ctx.channel());
        }
    }

    /** No DISCONNECT may precede the CONNACK [MQTT-3.14.0-1]: a violation before it is a plain close. */
    private void hold(Object msg) {
        if (msg instanceof MqttMessage message && message.fixedHeader().messageType() == MqttMessageType.CONNECT
                || held.size() >= maxHeld) {
            ReferenceCountUtil.release(msg);
            Disconnects.close(ctx.channel());
        } else {
            held.add(msg);
        }
    }

    private void onConnect(MqttConnectMessage connect) {
        mqtt5 = connect.variableHeader().version() == MqttVersion.MQTT_5.protocolLevel();
        ConnackReason invalid = validator.validate(connect);
        if (invalid != ConnackReason.SUCCESS) {
            Connacks.refuse(ctx.channel(), mqtt5, invalid);
            return;
        }
        String requestedId = connect.payload().clientIdentifier();
        if (requestedId.isEmpty()) {
            assignedClientId = generateClientId();
        }
        String clientId = requestedId.isEmpty() ? assignedClientId : requestedId;
        // The connect-timeout keeps running: an authenticator slower than it ends the attempt.
        authenticating = true;
        ctx.channel().config().setAutoRead(false);
        services.authorizer().authorize(connect, ctx.channel(), clientId).subscribe().with(
                decision -> ctx.executor().execute(() -> onAuthenticated(connect, clientId, decision)),
                failure -> ctx.executor().execute(() -> onAuthenticated(connect, clientId,
                        AuthDecision.unavailable("authentication failed: " + failure.getMessage()))));
    }

    private void onAuthenticated(MqttConnectMessage connect, String clientId, AuthDecision decision) {
        authenticating = false;
        if (!ctx.channel().isActive() || Disconnects.isClosing(ctx.channel())) {
            releaseHeld();
            return;
        }
        if (!(decision instanceof AuthDecision.Allow allow)) {
            cancelTimeout();
            releaseHeld();
            Connacks.refuse(ctx.channel(), mqtt5, Connacks.reasonFor(decision));
            return;
        }
        RouterLink router = services.links().ownerFor(clientId);
        if (router == null) {
            cancelTimeout();
            releaseHeld();
            Connacks.refuse(ctx.channel(), mqtt5, ConnackReason.SERVER_UNAVAILABLE);
            return;
        }
        cancelTimeout();
        open(connect, clientId, ConnectionAccess.of(allow), router);
    }

    private void open(MqttConnectMessage connect, String clientId, ConnectionAccess access, RouterLink router) {
        MqttProperties properties = connect.variableHeader().properties();
        boolean cleanStart = connect.variableHeader().isCleanSession();
        long expiry = mqtt5
                ? PropertyRules.intValue(properties, MqttPropertyType.SESSION_EXPIRY_INTERVAL, 0)
                : cleanStart ? 0 : ConnectionIdentity.NEVER_EXPIRES;
        long clientReceiveMaximum = mqtt5
                ? PropertyRules.intValue(properties, MqttPropertyType.RECEIVE_MAXIMUM, DEFAULT_RECEIVE_MAXIMUM)
                : DEFAULT_RECEIVE_MAXIMUM;
        int window = (int) Math.min(clientReceiveMaximum, config.maxInflight());
        MqttVersion version = MqttVersion.fromProtocolNameAndLevel(connect.variableHeader().name(),
                (byte) connect.variableHeader().version());
        ConnectionIdentity identity = new ConnectionIdentity(services.registry().nextConnectionId(), clientId,
                version, cleanStart, expiry);
        keepAlive = KeepAliveGrant.of(connect.variableHeader().keepAliveTimeSeconds(), config.maxKeepAlive(), mqtt5);
        responseInformationRequested = mqtt5
                && PropertyRules.intValue(properties, MqttPropertyType.REQUEST_RESPONSE_INFORMATION, 0) == 1;

        connection = new Connection(ctx.channel(), identity, access, services.links(), router, config.maxPendingPublishes(),
                window, config.maxQueuedDeliveries(), ClientPreferences.fromConnect(properties, mqtt5));
        connection.listenWith(this);
        services.registry().register(connection);
        ChannelAttributes.connection(ctx.channel(), connection);
        // Captures the connection and the registry, not this handler: it leaves the pipeline after CONNACK
        // and must not stay reachable from every idle connection.
        Connection registered = connection;
        ConnectionRegistry registry = services.registry();
        ctx.channel().closeFuture().addListener(closed -> {
            registered.closed();
            registry.unregister(registered);
        });
        // Reading pauses until CONNACK: packets already decoded are held, not processed out of turn.
        ctx.channel().config().setAutoRead(false);

        SessionOpen.Builder open = SessionOpen.newBuilder()
                .setConnectionId(identity.connectionId())
                .setClientId(clientId)
                .setCleanStart(cleanStart)
                .setSessionExpiryInterval((int) expiry)
                .setReceiveMaximum(window)
                .setProtocolVersion(connect.variableHeader().version())
                .setUsername(connect.variableHeader().hasUserName() ? connect.payload().userName() : "")
                .setPeerAddress(PeerAddress.of(ctx.channel()))
                .setKeepAlive(keepAlive.seconds());
        Will will = WillMapping.fromConnect(connect, clientId);
        if (will != null) {
            open.setWill(will);
        }
        boolean queued = connection.openSession(GatewayEvent.newBuilder().setSessionOpen(open).build());
        if (!queued) {
            Connacks.refuse(ctx.channel(), mqtt5, ConnackReason.SERVER_BUSY);
            return;
        }
        timeout = ctx.executor().schedule(() -> refuse(ConnackReason.SERVER_UNAVAILABLE),
                config.openTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void onRouterEvent(RouterEvent event) {
        switch (event.getEventCase()) {
            case SESSION_OPENED -> onSessionOpened(event.getSessionOpened());
            case KICK -> refuseTakenOver();
            // With several routers, one that routed a message to this session (whose store entry already names this
            // connection) may answer before the router opening the session does: kept for the session, not lost.
            case DELIVER -> holdEarlyDelivery(event);
            default -> {
                // Nothing else is meaningful before the session is open.
            }
        }
    }

    @Override
    public void onLinkLost() {
        refuse(ConnackReason.SERVER_UNAVAILABLE);
    }

    private void refuse(ConnackReason reason) {
        cancelTimeout();
        releaseHeld();
        Connacks.refuse(ctx.channel(), connection.identity().isMqtt5(), reason);
    }

    private void refuseTakenOver() {
        cancelTimeout();
        releaseHeld();
        Connacks.refuseTakenOver(ctx.channel(), connection.identity().isMqtt5());
    }

    /**
     * Deliveries kept while the session opens; a store-assigned one beyond this stays in the store's window and is
     * resent when the session resumes. The store assigns at most a window's worth, far below it.
     */
    private static final int MAX_EARLY_DELIVERIES = 65_535;
    private final List<RouterEvent> earlyDeliveries = new ArrayList<>();

    private void onSessionOpened(SessionOpened opened) {
        if (ctx.isRemoved() || Disconnects.isClosing(ctx.channel())) {
            return;
        }
        cancelTimeout();
        if (opened.getReasonCode() != ConnackReason.SUCCESS.code()) {
            // A code CONNACK cannot carry (a router newer than this gateway) still refuses.
            refuse(ConnackReason.fromCode(opened.getReasonCode()).orElse(ConnackReason.UNSPECIFIED_ERROR));
            return;
        }
        SessionHandler session = new SessionHandler(services, connection);
        ctx.pipeline().addAfter(ctx.name(), MqttPipeline.SESSION, session);
        if (keepAlive.seconds() > 0) {
            long readerIdleMillis = keepAlive.seconds() * 1500L;
            ctx.pipeline().addFirst(MqttPipeline.IDLE,
                    new IdleStateHandler(readerIdleMillis, 0, 0, TimeUnit.MILLISECONDS));
            ctx.pipeline().addBefore(MqttPipeline.SESSION, MqttPipeline.KEEPALIVE, new KeepAliveTimeoutHandler(mqtt5));
        }
        connection.listenWith(session);
        ctx.writeAndFlush(Connacks.accept(opened.getSessionPresent(),
                mqtt5 ? ConnackProperties.of(config, connection.identity().clientId(), assignedClientId,
                        keepAlive.serverKeepAlive(), responseInformationRequested) : MqttProperties.NO_PROPERTIES));
        disconnectWhenCredentialExpires();
        while (!held.isEmpty()) {
            ctx.fireChannelRead(held.poll());
        }
        ctx.pipeline().remove(this);
        session.resumeReading();
        handOverEarlyDeliveries(session);
    }

    private void holdEarlyDelivery(RouterEvent event) {
        if (earlyDeliveries.size() < MAX_EARLY_DELIVERIES) {
            earlyDeliveries.add(event);
        }
    }

    /**
     * After the events that came with SessionOpened (the session's resent and queued messages, which are older):
     * the task runs once this frame's events have been handled.
     */
    private void handOverEarlyDeliveries(SessionHandler session) {
        if (earlyDeliveries.isEmpty()) {
            return;
        }
        List<RouterEvent> early = List.copyOf(earlyDeliveries);
        earlyDeliveries.clear();
        ctx.channel().eventLoop().execute(() -> {
            if (ctx.channel().isActive()) {
                early.forEach(session::onRouterEvent);
            }
        });
    }

    /** A credential that expires ends its connection then (5.0: DISCONNECT 0xA0, Maximum connect time). */
    private void disconnectWhenCredentialExpires() {
        Channel channel = ctx.channel();
        boolean v5 = mqtt5; // the access keeps the callback for the connection's life; it must not keep this handler
        connection.access().scheduleExpiry(channel.eventLoop(), Clock.systemUTC(),
                        () -> Disconnects.disconnect(channel, v5, DisconnectReason.MAXIMUM_CONNECT_TIME))
                .ifPresent(expiry -> channel.closeFuture().addListener(closed -> expiry.cancel(false)));
    }

    private void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
    }

    private void releaseHeld() {
        while (!held.isEmpty()) {
            ReferenceCountUtil.release(held.poll());
        }
    }

    private static String generateClientId() {
        byte[] random = new byte[12];
        ThreadLocalRandom.current().nextBytes(random);
        return "auto-" + HexFormat.of().formatHex(random);
    }
}
