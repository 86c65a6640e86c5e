package io.starlingmq.gateway.mqtt;

import com.google.protobuf.ByteString;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttUnsubAckMessage;
import io.netty.handler.codec.mqtt.MqttUnsubAckPayload;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.util.ReferenceCountUtil;
import io.starlingmq.contract.link.v1.AckKind;
import io.starlingmq.gateway.auth.AccessReasonCodes;
import io.starlingmq.gateway.auth.AuthConfig;
import io.starlingmq.gateway.auth.DeniedPublish;
import io.starlingmq.contract.link.v1.DeliveryAck;
import io.starlingmq.contract.link.v1.Deliver;
import io.starlingmq.contract.link.v1.GatewayEvent;
import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.contract.link.v1.Publish;
import io.starlingmq.contract.link.v1.PublishDone;
import io.starlingmq.contract.link.v1.PublishRelease;
import io.starlingmq.contract.link.v1.RouterEvent;
import io.starlingmq.contract.link.v1.Subscribe;
import io.starlingmq.contract.link.v1.SubscriptionRequest;
import io.starlingmq.contract.link.v1.Unsubscribe;
import io.starlingmq.gateway.metrics.GatewayMetrics;
import io.starlingmq.gateway.session.Connection;
import io.starlingmq.gateway.session.ConnectionIdentity;
import io.starlingmq.gateway.session.InboundPublishes;
import io.starlingmq.gateway.session.InboundQos2;
import io.starlingmq.gateway.session.OutboundWindow;
import io.starlingmq.gateway.session.RouterEventListener;
import io.starlingmq.gateway.validation.FilterVerdict;
import io.starlingmq.gateway.validation.PropertyRules;
import io.starlingmq.gateway.validation.PublishValidator;
import io.starlingmq.gateway.validation.ReasonCode;
import io.starlingmq.gateway.validation.SubscribeValidator;
import io.starlingmq.gateway.validation.UnsubscribeValidator;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Serves an accepted connection: forwards its PUBLISH, SUBSCRIBE and UNSUBSCRIBE to the router,
 * answers with the router's confirmations, delivers the router's messages and ends the connection on
 * DISCONNECT, Kick, lost link or protocol error.
 */
public final class SessionHandler extends ChannelInboundHandlerAdapter implements RouterEventListener {

    private static final Logger LOG = Logger.getLogger(SessionHandler.class);

    private final Connection connection;
    private final ConnectionIdentity identity;
    private final GatewayMetrics metrics;
    private final int maxPendingPublishes;
    private final AuthConfig.PublishDenied v3PublishDenied;
    private final PublishValidator publishValidator = new PublishValidator();
    private final SubscribeValidator subscribeValidator = new SubscribeValidator();
    private final UnsubscribeValidator unsubscribeValidator = new UnsubscribeValidator();
    private final PendingFilterAcks pendingSubscribes;
    private final PendingFilterAcks pendingUnsubscribes;
    private ChannelHandlerContext ctx;

    SessionHandler(ConnectionServices services, Connection connection) {
        this.connection = connection;
        this.identity = connection.identity();
        this.metrics = services.metrics();
        this.maxPendingPublishes = services.config().maxPendingPublishes();
        this.v3PublishDenied = services.auth().publishDenied();
        this.pendingSubscribes = new PendingFilterAcks(maxPendingPublishes);
        this.pendingUnsubscribes = new PendingFilterAcks(maxPendingPublishes);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        metrics.connectionOpened();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        metrics.connectionClosed();
    }

    /** Reading resumes after CONNACK unless the inbound window is already full. */
    void resumeReading() {
        if (!connection.inbound().full() && !Disconnects.isClosing(ctx.channel())) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (Disconnects.isClosing(ctx.channel()) || !(msg instanceof MqttMessage message)) {
                return;
            }
            switch (message.fixedHeader().messageType()) {
                case PUBLISH -> onPublish((MqttPublishMessage) message);
                case PUBACK -> onPubAck(((MqttMessageIdVariableHeader) message.variableHeader()).messageId());
                case PUBREC -> onPubRec(message);
                case PUBREL -> onPubRel(((MqttMessageIdVariableHeader) message.variableHeader()).messageId());
                case PUBCOMP -> onPubComp(((MqttMessageIdVariableHeader) message.variableHeader()).messageId());
                case SUBSCRIBE -> onSubscribe((MqttSubscribeMessage) message);
                case UNSUBSCRIBE -> onUnsubscribe((MqttUnsubscribeMessage) message);
                case PINGREQ -> ctx.writeAndFlush(MqttMessage.PINGRESP);
                case DISCONNECT -> onDisconnect(message);
                default -> disconnect(ReasonCode.PROTOCOL_ERROR);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onPublish(MqttPublishMessage publish) {
        int invalid = publishValidator.validate(publish, identity.isMqtt5());
        if (invalid != ReasonCode.SUCCESS) {
            disconnect(invalid);
            return;
        }
        MqttQoS qos = publish.fixedHeader().qosLevel();
        int packetId = qos == MqttQoS.AT_MOST_ONCE ? 0 : publish.variableHeader().packetId();
        if (!connection.access().mayPublish(publish.variableHeader().topicName())) {
            refusePublish(qos, packetId);
            return;
        }
        InboundPublishes inbound = connection.inbound();
        if (qos == MqttQoS.EXACTLY_ONCE && connection.inboundQos2().isReceived(packetId)) {
            // A resend of a message routed already: answered again, never forwarded twice.
            writePubReply(MqttMessageType.PUBREC, packetId, ReasonCode.SUCCESS);
            return;
        }
        if (packetId != 0) {
            if (inbound.size() + connection.inboundQos2().size() >= maxPendingPublishes && identity.isMqtt5()) {
                // The client ignored the Receive Maximum announced in CONNACK (QoS 2 counts until PUBCOMP).
                disconnect(ReasonCode.RECEIVE_MAXIMUM_EXCEEDED);
                return;
            }
            if (!inbound.add(packetId, qos.value())) {
                return;
            }
        }
        Message.Builder message = Message.newBuilder()
                .setTopic(publish.variableHeader().topicName())
                .setPayload(ByteString.copyFrom(ByteBufUtil.getBytes(publish.payload())))
                .setQos(qos.value())
                .setRetain(publish.fixedHeader().isRetain())
                .setPublisher(identity.clientId());
        if (identity.isMqtt5()) {
            message.setProperties(MessageMapping.fromMqtt(publish.variableHeader().properties()));
        }
        toRouter(GatewayEvent.newBuilder().setPublish(Publish.newBuilder()
                .setConnectionId(identity.connectionId())
                .setClientId(identity.clientId())
                .setPacketId(packetId)
                .setMessage(message)).build());
        if (inbound.full()) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    /**
     * A PUBLISH the connection's rules refuse is never forwarded. Its answer joins the others in
     * arrival order (PUBACKs leave in the order their PUBLISHes came).
     */
    private void refusePublish(MqttQoS qos, int packetId) {
        LOG.debugf("publish refused by the access rules of %s", identity.clientId());
        switch (DeniedPublish.of(identity.isMqtt5() ? 5 : 4, qos.value(), v3PublishDenied)) {
            case ANSWER_NOT_AUTHORIZED -> answerLocally(packetId, qos, AccessReasonCodes.NOT_AUTHORIZED);
            case ACKNOWLEDGE_AND_DROP -> answerLocally(packetId, qos, ReasonCode.SUCCESS);
            case DROP_SILENTLY -> {
                // QoS 0: nothing to answer.
            }
            case DISCONNECT -> Disconnects.close(ctx.channel());
        }
    }

    private void answerLocally(int packetId, MqttQoS qos, int reasonCode) {
        if (connection.inbound().add(packetId, qos.value())) {
            completeInbound(packetId, reasonCode);
        }
    }

    /** PUBACK and PUBCOMP end a delivery: its slot is freed, in the gateway's window or in the store. */
    private void onPubAck(int packetId) {
        endDelivery(packetId, AckKind.PUBACK);
    }

    private void onPubComp(int packetId) {
        endDelivery(packetId, AckKind.PUBCOMP);
    }

    private void endDelivery(int packetId, AckKind kind) {
        OutboundWindow window = connection.outbound();
        if (window.release(packetId)) {
            sendQueuedDeliveries();
        } else if (connection.storeAssigned().acknowledged(packetId)) {
            toRouter(deliveryAck(packetId, kind));
        } else {
            LOG.debugf("%s for unknown packet id %d from %s", kind, packetId, identity.clientId());
        }
    }

    private void onPubRec(MqttMessage pubrec) {
        int packetId = ((MqttMessageIdVariableHeader) pubrec.variableHeader()).messageId();
        if (pubrec.variableHeader() instanceof MqttPubReplyMessageVariableHeader reply
                && Byte.toUnsignedInt(reply.reasonCode()) >= ReasonCode.UNSPECIFIED_ERROR) {
            // 5.0 §4.3.3: a PUBREC with an error code ends the flow; no PUBREL follows.
            endDelivery(packetId, AckKind.PUBCOMP);
            return;
        }
        if (connection.outbound().received(packetId)) {
            writePubReply(MqttMessageType.PUBREL, packetId, ReasonCode.SUCCESS);
        } else if (connection.storeAssigned().inUse(packetId)) {
            // PUBREL waits until the store recorded the PUBREC: the router answers with a release Deliver.
            toRouter(deliveryAck(packetId, AckKind.PUBREC));
        } else {
            writePubReply(MqttMessageType.PUBREL, packetId, ReasonCode.PACKET_IDENTIFIER_NOT_FOUND);
        }
    }

    private void onPubRel(int packetId) {
        InboundQos2 received = connection.inboundQos2();
        boolean known = received.forget(packetId);
        if (!identity.persistent()) {
            writePubReply(MqttMessageType.PUBCOMP, packetId,
                    known ? ReasonCode.SUCCESS : ReasonCode.PACKET_IDENTIFIER_NOT_FOUND);
            return;
        }
        // The store's received set is the truth (the id may have been recorded through another gateway);
        // PUBCOMP follows the router's ReleaseDone.
        if (received.startRelease(packetId)) {
            toRouter(GatewayEvent.newBuilder().setPublishRelease(PublishRelease.newBuilder()
                    .setConnectionId(identity.connectionId())
                    .setClientId(identity.clientId())
                    .setPacketId(packetId)).build());
        }
    }

    private GatewayEvent deliveryAck(int packetId, AckKind kind) {
        return GatewayEvent.newBuilder().setDeliveryAck(DeliveryAck.newBuilder()
                .setConnectionId(identity.connectionId())
                .setClientId(identity.clientId())
                .setPacketId(packetId)
                .setKind(kind)).build();
    }

    private void onSubscribe(MqttSubscribeMessage subscribe) {
        int packetId = subscribe.idAndPropertiesVariableHeader().messageId();
        FilterVerdict verdict = subscribeValidator.validate(subscribe, identity.isMqtt5());
        if (verdict.packetRejected()) {
            disconnect(verdict.packetReasonCode());
            return;
        }
        Subscribe.Builder request = Subscribe.newBuilder()
                .setConnectionId(identity.connectionId())
                .setClientId(identity.clientId())
                .setPacketId(packetId);
        var subscriptions = subscribe.payload().topicSubscriptions();
        for (int i = 0; i < subscriptions.size(); i++) {
            if (verdict.filterAccepted(i) && !connection.access().maySubscribe(subscriptions.get(i).topicFilter())) {
                verdict = verdict.refuse(i, AccessReasonCodes.refusedSubscription(identity.isMqtt5()));
            }
        }
        for (int i = 0; i < subscriptions.size(); i++) {
            if (verdict.filterAccepted(i)) {
                request.addSubscriptions(SubscriptionRequest.newBuilder()
                        .setFilter(subscriptions.get(i).topicFilter())
                        .setQos(subscriptions.get(i).qualityOfService().value()));
            }
        }
        if (request.getSubscriptionsCount() == 0) {
            sendSubAck(packetId, verdict.filterReasonCodes());
            return;
        }
        if (pendingSubscribes.full() || !pendingSubscribes.add(packetId, verdict)) {
            disconnect(ReasonCode.QUOTA_EXCEEDED);
            return;
        }
        toRouter(GatewayEvent.newBuilder().setSubscribe(request).build());
    }

    private void onUnsubscribe(MqttUnsubscribeMessage unsubscribe) {
        int packetId = unsubscribe.idAndPropertiesVariableHeader().messageId();
        FilterVerdict verdict = unsubscribeValidator.validate(unsubscribe, identity.isMqtt5());
        if (verdict.packetRejected()) {
            disconnect(verdict.packetReasonCode());
            return;
        }
        Unsubscribe.Builder request = Unsubscribe.newBuilder()
                .setConnectionId(identity.connectionId())
                .setClientId(identity.clientId())
                .setPacketId(packetId);
        List<String> filters = unsubscribe.payload().topics();
        for (int i = 0; i < filters.size(); i++) {
            if (verdict.filterAccepted(i)) {
                request.addFilters(filters.get(i));
            }
        }
        if (request.getFiltersCount() == 0) {
            sendUnsubAck(packetId, verdict.filterReasonCodes());
            return;
        }
        if (pendingUnsubscribes.full() || !pendingUnsubscribes.add(packetId, verdict)) {
            disconnect(ReasonCode.QUOTA_EXCEEDED);
            return;
        }
        toRouter(GatewayEvent.newBuilder().setUnsubscribe(request).build());
    }

    private void onDisconnect(MqttMessage disconnect) {
        int reason = ReasonCode.SUCCESS;
        if (identity.isMqtt5() && disconnect.variableHeader() instanceof MqttReasonCodeAndPropertiesVariableHeader header) {
            reason = Byte.toUnsignedInt(header.reasonCode());
            if (!PropertyRules.onlyAllowed(header.properties(), PropertyRules.DISCONNECT)) {
                disconnect(ReasonCode.MALFORMED_PACKET);
                return;
            }
            long expiry = PropertyRules.intValue(header.properties(), MqttPropertyType.SESSION_EXPIRY_INTERVAL, -1);
            if (expiry >= 0) {
                if (identity.sessionExpiry() == 0 && expiry != 0) {
                    // 5.0 §3.14.2.2.2: a session that ends with its connection cannot be extended here.
                    disconnect(ReasonCode.PROTOCOL_ERROR);
                    return;
                }
                identity.changeSessionExpiry(expiry);
            }
        }
        if (reason != ReasonCode.DISCONNECT_WITH_WILL) {
            connection.markGraceful();
        }
        Disconnects.close(ctx.channel());
    }

    @Override
    public void onRouterEvent(RouterEvent event) {
        switch (event.getEventCase()) {
            case PUBLISH_DONE -> onPublishDone(event.getPublishDone());
            case SUBSCRIBED -> {
                List<Integer> codes = pendingSubscribes.complete(event.getSubscribed().getPacketId(),
                        event.getSubscribed().getReasonCodesList());
                if (codes != null) {
                    sendSubAck(event.getSubscribed().getPacketId(), codes);
                }
            }
            case UNSUBSCRIBED -> {
                List<Integer> codes = pendingUnsubscribes.complete(event.getUnsubscribed().getPacketId(),
                        event.getUnsubscribed().getReasonCodesList());
                if (codes != null) {
                    sendUnsubAck(event.getUnsubscribed().getPacketId(), codes);
                }
            }
            case DELIVER -> onDeliver(event.getDeliver());
            case RELEASE_DONE -> {
                int packetId = event.getReleaseDone().getPacketId();
                if (connection.inboundQos2().releaseDone(packetId)) {
                    writePubReply(MqttMessageType.PUBCOMP, packetId, event.getReleaseDone().getReasonCode());
                }
            }
            case KICK -> disconnect(event.getKick().getReasonCode() != 0
                    ? event.getKick().getReasonCode() : ReasonCode.SESSION_TAKEN_OVER);
            default -> LOG.debugf("Ignoring %s for open connection %d", event.getEventCase(), identity.connectionId());
        }
    }

    @Override
    public void onLinkLost() {
        disconnect(ReasonCode.UNSPECIFIED_ERROR);
    }

    private void onPublishDone(PublishDone done) {
        completeInbound(done.getPacketId(), done.getReasonCode());
    }

    /** An inbound QoS 1/2 publish is settled: answer it, and every later one already settled, in order. */
    private void completeInbound(int packetId, int reasonCode) {
        boolean wasFull = connection.inbound().full();
        for (InboundPublishes.Ack ack : connection.inbound().done(packetId, reasonCode)) {
            if (ack.qos() == MqttQoS.EXACTLY_ONCE.value()) {
                // 5.0 §4.3.3: after a PUBREC with an error code the packet id is free again.
                if (ack.reasonCode() < ReasonCode.UNSPECIFIED_ERROR && !connection.inboundQos2().markReceived(ack.packetId())) {
                    disconnect(ReasonCode.RECEIVE_MAXIMUM_EXCEEDED);
                    return;
                }
                ctx.write(pubReply(MqttMessageType.PUBREC, ack.packetId(), ack.reasonCode()));
                continue;
            }
            MqttMessageBuilders.PubAckBuilder puback = MqttMessageBuilders.pubAck().packetId(ack.packetId());
            if (identity.isMqtt5()) {
                puback.reasonCode((byte) ack.reasonCode());
            }
            ctx.write(puback.build());
        }
        ctx.flush();
        if (wasFull && !connection.inbound().full()) {
            resumeReading();
        }
    }

    private void onDeliver(Deliver deliver) {
        if (deliver.getQos() == 0) {
            if (ctx.channel().isWritable()) {
                writePublish(deliver, 0);
            } else {
                // QoS 0 may be dropped; a slow reader must not grow the outbound buffer without bound.
                metrics.deliveryDropped();
            }
        } else if (deliver.getPacketId() != 0) {
            connection.storeAssigned().sent(deliver.getPacketId());
            if (deliver.getRelease()) {
                writePubReply(MqttMessageType.PUBREL, deliver.getPacketId(), ReasonCode.SUCCESS);
            } else {
                writePublish(deliver, deliver.getPacketId());
            }
        } else {
            OutboundWindow window = connection.outbound();
            if (window.hasRoom()) {
                writePublish(deliver, window.assign(connection.storeAssigned()::inUse));
            } else if (!window.enqueue(deliver)) {
                metrics.deliveryDropped();
            }
        }
    }

    private void sendQueuedDeliveries() {
        OutboundWindow window = connection.outbound();
        while (window.hasRoom()) {
            Deliver next = window.pollQueued();
            if (next == null) {
                return;
            }
            writePublish(next, window.assign(connection.storeAssigned()::inUse));
        }
    }

    private void writePublish(Deliver deliver, int packetId) {
        Message message = deliver.getMessage();
        MqttQoS qos = MqttQoS.valueOf(deliver.getQos());
        MqttProperties properties = identity.isMqtt5() && message.hasProperties()
                ? MessageMapping.toMqtt(message.getProperties()) : MqttProperties.NO_PROPERTIES;
        MqttFixedHeader header = new MqttFixedHeader(MqttMessageType.PUBLISH, deliver.getDup(), qos,
                deliver.getRetained(), 0);
        ctx.writeAndFlush(new MqttPublishMessage(header,
                new MqttPublishVariableHeader(message.getTopic(), packetId, properties),
                Unpooled.wrappedBuffer(message.getPayload().asReadOnlyByteBuffer())));
    }

    private void writePubReply(MqttMessageType type, int packetId, int reasonCode) {
        ctx.writeAndFlush(pubReply(type, packetId, reasonCode));
    }

    /** PUBREC, PUBREL or PUBCOMP; the encoder leaves the reason code out for 3.1.1 and when it is 0. */
    private static MqttMessage pubReply(MqttMessageType type, int packetId, int reasonCode) {
        // PUBREL's fixed header flags must be 0010 (MQTT 3.6.1).
        MqttQoS flags = type == MqttMessageType.PUBREL ? MqttQoS.AT_LEAST_ONCE : MqttQoS.AT_MOST_ONCE;
        return new MqttMessage(new MqttFixedHeader(type, false, flags, false, 0),
                new MqttPubReplyMessageVariableHeader(packetId, (byte) reasonCode, MqttProperties.NO_PROPERTIES));
    }

    private void sendSubAck(int packetId, List<Integer> codes) {
        int[] payload = codes.stream()
                .mapToInt(code -> identity.isMqtt5() || code < ReasonCode.UNSPECIFIED_ERROR
                        ? code : ReasonCode.UNSPECIFIED_ERROR)
                .toArray();
        ctx.writeAndFlush(new MqttSubAckMessage(
                new MqttFixedHeader(MqttMessageType.SUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                new MqttMessageIdAndPropertiesVariableHeader(packetId, MqttProperties.NO_PROPERTIES),
                new MqttSubAckPayload(payload)));
    }

    private void sendUnsubAck(int packetId, List<Integer> codes) {
        MqttUnsubAckPayload payload = identity.isMqtt5()
                ? new MqttUnsubAckPayload(codes.stream().map(Integer::shortValue).toList())
                : null;
        ctx.writeAndFlush(new MqttUnsubAckMessage(
                new MqttFixedHeader(MqttMessageType.UNSUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                new MqttMessageIdAndPropertiesVariableHeader(packetId, MqttProperties.NO_PROPERTIES),
                payload));
    }

    private void toRouter(GatewayEvent event) {
        if (!connection.toRouter(event)) {
            // The router link is saturated; dropping the event silently would break delivery promises.
            disconnect(ReasonCode.SERVER_BUSY);
        }
    }

    private void disconnect(int reasonCode) {
        Disconnects.disconnect(ctx.channel(), identity.isMqtt5(), reasonCode);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debugf(cause, "Connection %d failed", identity.connectionId());
        Disconnects.close(ctx.channel());
    }
}
