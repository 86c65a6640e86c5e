package io.starlingmq.gateway.mqtt;

import com.google.protobuf.UnsafeByteOperations;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.starlingmq.contract.link.v1.GatewayEvent;
import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.contract.link.v1.Publish;
import io.starlingmq.contract.link.v1.PublishRelease;
import io.starlingmq.contract.link.v1.ReleaseDone;
import io.starlingmq.contract.reason.DisconnectReason;
import io.starlingmq.contract.reason.PubackReason;
import io.starlingmq.contract.reason.PubcompReason;
import io.starlingmq.contract.reason.PubrecReason;
import io.starlingmq.gateway.alias.InboundTopicAliases;
import io.starlingmq.gateway.auth.AuthConfig;
import io.starlingmq.gateway.auth.DeniedPublish;
import io.starlingmq.gateway.session.Connection;
import io.starlingmq.gateway.session.ConnectionIdentity;
import io.starlingmq.gateway.session.InboundPublishes;
import io.starlingmq.gateway.session.InboundQos2;
import io.starlingmq.gateway.validation.PublishContentRules;
import io.starlingmq.gateway.validation.PublishValidator;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The client's PUBLISHes: validated, topic aliases resolved, checked against the access rules and
 * limits, forwarded to the router, and answered (PUBACK/PUBREC in arrival order once the router
 * confirmed; PUBCOMP after PUBREL).
 */
final class InboundFlow {

    private static final Logger LOG = Logger.getLogger(InboundFlow.class);

    private final SessionContext session;
    private final Connection connection;
    private final ConnectionIdentity identity;
    private final int maxPendingPublishes;
    private final AuthConfig.PublishDenied v3PublishDenied;
    private final PublishValidator validator;
    private final PublishContentRules contentRules;
    private final InboundTopicAliases aliases;

    InboundFlow(SessionContext session) {
        this.session = session;
        this.connection = session.connection();
        this.identity = session.identity();
        ConnectionServices services = session.services();
        this.maxPendingPublishes = services.config().maxPendingPublishes();
        this.v3PublishDenied = services.auth().publishDenied();
        int aliasMaximum = identity.isMqtt5() ? services.config().topicAliasMaximum() : 0;
        this.validator = services.validators().publish(identity.isMqtt5());
        this.aliases = new InboundTopicAliases(aliasMaximum);
        this.contentRules = services.validators().content();
    }

    void onPublish(MqttPublishMessage publish) {
        Optional<DisconnectReason> invalid = validator.validate(publish, identity.isMqtt5());
        if (invalid.isPresent()) {
            session.disconnect(invalid.get());
            return;
        }
        String topic = resolveTopic(publish);
        if (topic == null) {
            // [MQTT-3.3.2-13] would need a mapping: an alias the client never set is a Protocol Error.
            session.disconnect(DisconnectReason.PROTOCOL_ERROR);
            return;
        }
        MqttQoS qos = publish.fixedHeader().qosLevel();
        int packetId = qos == MqttQoS.AT_MOST_ONCE ? 0 : publish.variableHeader().packetId();
        if (!connection.access().mayPublish(topic)) {
            refuseByRules(qos, packetId);
            return;
        }
        PubackReason refused = contentRules.check(topic, publish, identity.isMqtt5());
        if (refused != PubackReason.SUCCESS) {
            refuseContent(qos, packetId, refused);
            return;
        }
        InboundPublishes inbound = connection.inbound();
        if (qos == MqttQoS.EXACTLY_ONCE && connection.inboundQos2().isReceived(packetId)) {
            // A resend of a message routed already: answered again, never forwarded twice.
            session.writePubrec(packetId, PubrecReason.SUCCESS);
            return;
        }
        if (packetId != 0) {
            if (inbound.size() + connection.inboundQos2().size() >= maxPendingPublishes && identity.isMqtt5()) {
                // The client ignored the Receive Maximum announced in CONNACK (QoS 2 counts until PUBCOMP).
                session.disconnect(DisconnectReason.RECEIVE_MAXIMUM_EXCEEDED);
                return;
            }
            if (!inbound.add(packetId, qos.value())) {
                return;
            }
        }
        // One copy out of the pooled buffer; the array is the message's alone, so it is wrapped, not copied again.
        Message.Builder message = Message.newBuilder()
                .setTopic(topic)
                .setPayload(UnsafeByteOperations.unsafeWrap(ByteBufUtil.getBytes(publish.payload())))
                .setQos(qos.value())
                .setRetain(publish.fixedHeader().isRetain())
                .setPublisher(identity.clientId());
        if (identity.isMqtt5()) {
            message.setProperties(MessageMapping.fromMqtt(publish.variableHeader().properties()));
        }
        session.toRouter(GatewayEvent.newBuilder().setPublish(Publish.newBuilder()
                .setConnectionId(identity.connectionId())
                .setClientId(identity.clientId())
                .setPacketId(packetId)
                .setMessage(message)).build());
        if (inbound.full()) {
            session.pauseForWindow();
        }
    }

    /** The topic the PUBLISH names, through its Topic Alias if it has one; null for an alias never set. */
    private String resolveTopic(MqttPublishMessage publish) {
        String topic = publish.variableHeader().topicName();
        int alias = identity.isMqtt5() ? PublishValidator.topicAlias(publish) : 0;
        return alias == 0 ? topic : aliases.resolve(topic, alias);
    }

    /**
     * A PUBLISH the connection's rules refuse is never forwarded. Its answer joins the others in
     * arrival order (PUBACKs leave in the order their PUBLISHes came).
     */
    private void refuseByRules(MqttQoS qos, int packetId) {
        LOG.debugf("publish refused by the access rules of %s", identity.clientId());
        switch (DeniedPublish.of(identity.isMqtt5() ? 5 : 4, qos.value(), v3PublishDenied)) {
            case ANSWER_NOT_AUTHORIZED -> answerLocally(packetId, qos, PubackReason.NOT_AUTHORIZED);
            case ACKNOWLEDGE_AND_DROP -> answerLocally(packetId, qos, PubackReason.SUCCESS);
            case DROP_SILENTLY -> {
                // QoS 0: nothing to answer.
            }
            case DISCONNECT -> Disconnects.close(session.ctx().channel());
        }
    }

    /**
     * A topic beyond the limits or a payload that is not the UTF-8 it claims: 5.0 QoS 1/2 get the reason
     * code in PUBACK/PUBREC; QoS 0 cannot be answered, so a topic refusal ends the connection (DISCONNECT
     * 0x90, nothing is lost silently) and a payload refusal drops the message, as 5.0 §3.3.2.3.2 allows.
     * 3.1.1 has no such codes: the connection is closed.
     */
    private void refuseContent(MqttQoS qos, int packetId, PubackReason refused) {
        if (!identity.isMqtt5()) {
            session.disconnect(ending(refused));
        } else if (packetId != 0) {
            answerLocally(packetId, qos, refused);
        } else if (refused == PubackReason.TOPIC_NAME_INVALID) {
            session.disconnect(ending(refused));
        } else {
            LOG.debugf("QoS 0 publish of %s dropped: reason 0x%x", identity.clientId(), refused.code());
        }
    }

    /** The DISCONNECT for a content refusal that cannot be answered per message. */
    private static DisconnectReason ending(PubackReason refused) {
        return refused == PubackReason.TOPIC_NAME_INVALID
                ? DisconnectReason.TOPIC_NAME_INVALID : DisconnectReason.PAYLOAD_FORMAT_INVALID;
    }

    private void answerLocally(int packetId, MqttQoS qos, PubackReason reason) {
        if (connection.inbound().add(packetId, qos.value())) {
            completeInbound(packetId, reason);
        }
    }

    /**
     * An inbound QoS 1/2 publish is settled: answer it, and every later one already settled, in order.
     * A QoS 2 publish gets the PUBREC with the same reason as a QoS 1 one's PUBACK.
     */
    void completeInbound(int packetId, PubackReason reason) {
        boolean wasFull = connection.inbound().full();
        for (InboundPublishes.Ack ack : connection.inbound().done(packetId, reason.code())) {
            if (ack.qos() == MqttQoS.EXACTLY_ONCE.value()) {
                PubrecReason pubrec = PubrecReason.fromCode(ack.reasonCode()).orElseThrow();
                // 5.0 §4.3.3: after a PUBREC with an error code the packet id is free again.
                if (!pubrec.isError() && !connection.inboundQos2().markReceived(ack.packetId())) {
                    session.disconnect(DisconnectReason.RECEIVE_MAXIMUM_EXCEEDED);
                    return;
                }
                session.ctx().write(session.pubrec(ack.packetId(), pubrec));
                continue;
            }
            MqttMessageBuilders.PubAckBuilder puback = MqttMessageBuilders.pubAck().packetId(ack.packetId());
            if (identity.isMqtt5()) {
                PubackReason answer = PubackReason.fromCode(ack.reasonCode()).orElseThrow();
                puback.reasonCode((byte) answer.code());
                if (answer.isError()) {
                    puback.properties(session.refusalProperties(answer));
                }
            }
            session.ctx().write(puback.build());
        }
        session.ctx().flush();
        if (wasFull && !connection.inbound().full()) {
            session.resumeReading();
        }
    }

    void onPubRel(int packetId) {
        InboundQos2 received = connection.inboundQos2();
        boolean known = received.forget(packetId);
        if (!identity.persistent()) {
            session.writePubcomp(packetId, known ? PubcompReason.SUCCESS : PubcompReason.PACKET_IDENTIFIER_NOT_FOUND);
            return;
        }
        // The store's received set is the truth (the id may have been recorded through another gateway);
        // PUBCOMP follows the router's ReleaseDone.
        if (received.startRelease(packetId)) {
            session.toRouter(GatewayEvent.newBuilder().setPublishRelease(PublishRelease.newBuilder()
                    .setConnectionId(identity.connectionId())
                    .setClientId(identity.clientId())
                    .setPacketId(packetId)).build());
        }
    }

    void onReleaseDone(ReleaseDone done) {
        if (connection.inboundQos2().releaseDone(done.getPacketId())) {
            // PUBCOMP can report no other failure than an unknown packet id.
            session.writePubcomp(done.getPacketId(), PubcompReason.fromCode(done.getReasonCode())
                    .orElse(PubcompReason.PACKET_IDENTIFIER_NOT_FOUND));
        }
    }
}
