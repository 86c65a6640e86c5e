package io.starlingmq.gateway.mqtt;

import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.starlingmq.contract.link.v1.AckKind;
import io.starlingmq.contract.link.v1.Deliver;
import io.starlingmq.contract.link.v1.DeliveryAck;
import io.starlingmq.contract.link.v1.GatewayEvent;
import io.starlingmq.contract.reason.PubrelReason;
import io.starlingmq.contract.reason.ReasonCode;
import io.starlingmq.gateway.alias.OutboundTopicAliases;
import io.starlingmq.gateway.config.GatewayConfig;
import io.starlingmq.gateway.metrics.GatewayMetrics;
import io.starlingmq.gateway.session.Connection;
import io.starlingmq.gateway.session.ConnectionIdentity;
import io.starlingmq.gateway.session.OutboundWindow;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * The router's deliveries to this client and the client's acknowledgements of them. A clean session's
 * QoS 1/2 deliveries are numbered by the gateway's window; a persistent session's come numbered by the
 * store and their acknowledgements go back as DeliveryAck. A delivery that is not sent (expired, or too
 * large for the client) counts as delivered: it takes no window slot, and a store-numbered one is
 * reported acknowledged (PUBACK for QoS 1; PUBCOMP for QoS 2, the acknowledgement that ends a QoS 2
 * delivery in the store) so the session's window moves on.
 */
final class DeliveryFlow {

    private static final Logger LOG = Logger.getLogger(DeliveryFlow.class);

    private final SessionContext session;
    private final Connection connection;
    private final ConnectionIdentity identity;
    private final GatewayMetrics metrics;
    private final DeliveryWriter writer;

    DeliveryFlow(SessionContext session, Clock clock) {
        this.session = session;
        this.connection = session.connection();
        this.identity = session.identity();
        this.metrics = session.services().metrics();
        GatewayConfig.OutboundTopicAliases aliasConfig = session.services().config().outboundTopicAliases();
        OutboundTopicAliases aliases = new OutboundTopicAliases(
                aliasConfig.enabled() ? connection.preferences().topicAliasMaximum() : 0, aliasConfig.maximum());
        String identityPrefix = session.services().config().publisherIdentityPrefix();
        boolean publisherIdentity = !identityPrefix.isEmpty() && identity.clientId().startsWith(identityPrefix);
        this.writer = new DeliveryWriter(identity.isMqtt5(), connection.preferences().maximumPacketSize(), aliases,
                publisherIdentity, clock);
    }

    void onDeliver(Deliver deliver) {
        if (deliver.getQos() == 0) {
            if (!session.ctx().channel().isWritable()) {
                // QoS 0 may be dropped; a slow reader must not grow the outbound buffer without bound.
                metrics.deliveryDropped(GatewayMetrics.DROP_WRITE_BUFFER_FULL);
                return;
            }
            DeliveryWriter.Prepared prepared = prepare(deliver);
            if (prepared.sendable()) {
                writer.write(session.ctx(), prepared, 0);
            }
        } else if (deliver.getPacketId() != 0) {
            onStoreNumbered(deliver);
        } else {
            OutboundWindow window = connection.outbound();
            if (window.hasRoom()) {
                sendNumbered(deliver);
            } else if (!window.enqueue(deliver)) {
                metrics.deliveryDropped(GatewayMetrics.DROP_QUEUE_FULL);
            }
        }
    }

    private void onStoreNumbered(Deliver deliver) {
        int packetId = deliver.getPacketId();
        if (deliver.getRelease()) {
            connection.storeAssigned().sent(packetId);
            session.writePubrel(packetId, PubrelReason.SUCCESS);
            return;
        }
        DeliveryWriter.Prepared prepared = prepare(deliver);
        if (prepared.sendable()) {
            connection.storeAssigned().sent(packetId);
            writer.write(session.ctx(), prepared, packetId);
        } else {
            session.toRouter(deliveryAck(packetId, deliver.getQos() == 1 ? AckKind.PUBACK : AckKind.PUBCOMP));
        }
    }

    /** Sends a clean session's delivery in a gateway-numbered slot; false when it was not sent (no slot used). */
    private boolean sendNumbered(Deliver deliver) {
        DeliveryWriter.Prepared prepared = prepare(deliver);
        if (!prepared.sendable()) {
            return false;
        }
        int packetId = connection.outbound().assign(connection.storeAssigned()::inUse, deliver);
        writer.write(session.ctx(), prepared, packetId);
        return true;
    }

    private DeliveryWriter.Prepared prepare(Deliver deliver) {
        DeliveryWriter.Prepared prepared = writer.prepare(deliver);
        if (prepared.skip() == DeliveryWriter.Skip.EXPIRED) {
            metrics.deliveryExpired();
        } else if (prepared.skip() == DeliveryWriter.Skip.TOO_LARGE) {
            LOG.debugf("delivery on %s larger than the Maximum Packet Size of %s: not sent",
                    deliver.getMessage().getTopic(), identity.clientId());
            metrics.deliveryTooLarge();
        }
        return prepared;
    }

    private void sendQueued() {
        OutboundWindow window = connection.outbound();
        while (window.hasRoom()) {
            Deliver next = window.pollQueued();
            if (next == null) {
                return;
            }
            sendNumbered(next);
        }
    }

    /** PUBACK and PUBCOMP end a delivery: its slot is freed, in the gateway's window or in the store. */
    void onPubAck(MqttMessage puback) {
        endDelivery(((MqttMessageIdVariableHeader) puback.variableHeader()).messageId(), AckKind.PUBACK);
    }

    void onPubComp(MqttMessage pubcomp) {
        endDelivery(((MqttMessageIdVariableHeader) pubcomp.variableHeader()).messageId(), AckKind.PUBCOMP);
    }

    private void endDelivery(int packetId, AckKind kind) {
        if (connection.outbound().release(packetId)) {
            sendQueued();
        } else if (connection.storeAssigned().acknowledged(packetId)) {
            session.toRouter(deliveryAck(packetId, kind));
        } else {
            LOG.debugf("%s for unknown packet id %d from %s", kind, packetId, identity.clientId());
        }
    }

    void onPubRec(MqttMessage pubrec) {
        int packetId = ((MqttMessageIdVariableHeader) pubrec.variableHeader()).messageId();
        if (pubrec.variableHeader() instanceof MqttPubReplyMessageVariableHeader reply
                && ReasonCode.isError(Byte.toUnsignedInt(reply.reasonCode()))) {
            // 5.0 §4.3.3: a PUBREC with an error code ends the flow; no PUBREL follows.
            endDelivery(packetId, AckKind.PUBCOMP);
            return;
        }
        if (connection.outbound().received(packetId)) {
            session.writePubrel(packetId, PubrelReason.SUCCESS);
        } else if (connection.storeAssigned().inUse(packetId)) {
            // PUBREL waits until the store recorded the PUBREC: the router answers with a release Deliver.
            session.toRouter(deliveryAck(packetId, AckKind.PUBREC));
        } else {
            session.writePubrel(packetId, PubrelReason.PACKET_IDENTIFIER_NOT_FOUND);
        }
    }

    private GatewayEvent deliveryAck(int packetId, AckKind kind) {
        return GatewayEvent.newBuilder().setDeliveryAck(DeliveryAck.newBuilder()
                .setConnectionId(identity.connectionId())
                .setClientId(identity.clientId())
                .setPacketId(packetId)
                .setKind(kind)).build();
    }
}
