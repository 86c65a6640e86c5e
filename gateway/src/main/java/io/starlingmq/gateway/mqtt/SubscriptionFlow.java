package io.starlingmq.gateway.mqtt;

import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessageIdAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubAckMessage;
import io.netty.handler.codec.mqtt.MqttUnsubAckPayload;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.starlingmq.contract.link.v1.GatewayEvent;
import io.starlingmq.contract.link.v1.Subscribe;
import io.starlingmq.contract.link.v1.Subscribed;
import io.starlingmq.contract.link.v1.Unsubscribe;
import io.starlingmq.contract.link.v1.Unsubscribed;
import io.starlingmq.contract.reason.DisconnectReason;
import io.starlingmq.contract.reason.ReasonCode;
import io.starlingmq.contract.reason.SubackReason;
import io.starlingmq.contract.reason.UnsubackReason;
import io.starlingmq.gateway.session.ConnectionIdentity;
import io.starlingmq.gateway.validation.FilterVerdict;
import io.starlingmq.gateway.validation.SubscribeValidator;
import io.starlingmq.gateway.validation.UnsubscribeValidator;
import java.util.List;

/**
 * The client's SUBSCRIBEs and UNSUBSCRIBEs: validated, checked against the access rules, forwarded with
 * their options, and answered with the router's codes merged with the gateway's own refusals.
 */
final class SubscriptionFlow {

    private final SessionContext session;
    private final ConnectionIdentity identity;
    private final SubscribeValidator subscribeValidator;
    private final UnsubscribeValidator unsubscribeValidator;
    private final PendingFilterAcks<SubackReason> pendingSubscribes;
    private final PendingFilterAcks<UnsubackReason> pendingUnsubscribes;

    SubscriptionFlow(SessionContext session) {
        this.session = session;
        this.identity = session.identity();
        int bound = session.services().config().maxPendingPublishes();
        this.subscribeValidator = session.services().validators().subscribe();
        this.unsubscribeValidator = session.services().validators().unsubscribe();
        this.pendingSubscribes = new PendingFilterAcks<>(bound, SubackReason.UNSPECIFIED_ERROR);
        this.pendingUnsubscribes = new PendingFilterAcks<>(bound, UnsubackReason.UNSPECIFIED_ERROR);
    }

    void onSubscribe(MqttSubscribeMessage subscribe) {
        int packetId = subscribe.idAndPropertiesVariableHeader().messageId();
        FilterVerdict<SubackReason> verdict = subscribeValidator.validate(subscribe, identity.isMqtt5());
        if (verdict.packetRejected()) {
            session.disconnect(verdict.packetReasonCode());
            return;
        }
        Subscribe.Builder request = Subscribe.newBuilder()
                .setConnectionId(identity.connectionId())
                .setClientId(identity.clientId())
                .setPacketId(packetId);
        List<MqttTopicSubscription> subscriptions = subscribe.payload().topicSubscriptions();
        for (int i = 0; i < subscriptions.size(); i++) {
            if (verdict.filterAccepted(i)
                    && !session.connection().access().maySubscribe(subscriptions.get(i).topicFilter())) {
                // A 3.1.1 SUBACK turns it into its one failure code, 0x80.
                verdict = verdict.refuse(i, SubackReason.NOT_AUTHORIZED);
            }
        }
        long identifier = SubscribeValidator.subscriptionIdentifier(subscribe.idAndPropertiesVariableHeader().properties());
        for (int i = 0; i < subscriptions.size(); i++) {
            if (verdict.filterAccepted(i)) {
                request.addSubscriptions(SubscriptionRequests.of(subscriptions.get(i), (int) Math.max(identifier, 0)));
            }
        }
        if (request.getSubscriptionsCount() == 0) {
            sendSubAck(packetId, verdict.filterReasonCodes());
            return;
        }
        if (pendingSubscribes.full() || !pendingSubscribes.add(packetId, verdict)) {
            session.disconnect(DisconnectReason.QUOTA_EXCEEDED);
            return;
        }
        session.toRouter(GatewayEvent.newBuilder().setSubscribe(request).build());
    }

    void onUnsubscribe(MqttUnsubscribeMessage unsubscribe) {
        int packetId = unsubscribe.idAndPropertiesVariableHeader().messageId();
        FilterVerdict<UnsubackReason> verdict = unsubscribeValidator.validate(unsubscribe, identity.isMqtt5());
        if (verdict.packetRejected()) {
            session.disconnect(verdict.packetReasonCode());
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
            session.disconnect(DisconnectReason.QUOTA_EXCEEDED);
            return;
        }
        session.toRouter(GatewayEvent.newBuilder().setUnsubscribe(request).build());
    }

    void onSubscribed(Subscribed subscribed) {
        List<SubackReason> reasons = pendingSubscribes.complete(subscribed.getPacketId(),
                subscribed.getReasonCodesList().stream()
                        .map(code -> SubackReason.fromCode(code).orElse(SubackReason.UNSPECIFIED_ERROR)).toList());
        if (reasons != null) {
            sendSubAck(subscribed.getPacketId(), reasons);
        }
    }

    void onUnsubscribed(Unsubscribed unsubscribed) {
        List<UnsubackReason> reasons = pendingUnsubscribes.complete(unsubscribed.getPacketId(),
                unsubscribed.getReasonCodesList().stream()
                        .map(code -> UnsubackReason.fromCode(code).orElse(UnsubackReason.UNSPECIFIED_ERROR)).toList());
        if (reasons != null) {
            sendUnsubAck(unsubscribed.getPacketId(), reasons);
        }
    }

    /** 3.1.1 has one failure code, 0x80, the value of Unspecified error. */
    private void sendSubAck(int packetId, List<SubackReason> reasons) {
        int[] payload = reasons.stream()
                .mapToInt(reason -> identity.isMqtt5() || !reason.isError()
                        ? reason.code() : SubackReason.UNSPECIFIED_ERROR.code())
                .toArray();
        session.ctx().writeAndFlush(new MqttSubAckMessage(
                new MqttFixedHeader(MqttMessageType.SUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                new MqttMessageIdAndPropertiesVariableHeader(packetId, refusalProperties(reasons)),
                new MqttSubAckPayload(payload)));
    }

    private void sendUnsubAck(int packetId, List<UnsubackReason> reasons) {
        MqttUnsubAckPayload payload = identity.isMqtt5()
                ? new MqttUnsubAckPayload(reasons.stream().map(reason -> (short) reason.code()).toList())
                : null;
        session.ctx().writeAndFlush(new MqttUnsubAckMessage(
                new MqttFixedHeader(MqttMessageType.UNSUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                new MqttMessageIdAndPropertiesVariableHeader(packetId, refusalProperties(reasons)),
                payload));
    }

    /** A 5.0 acknowledgement with a refused filter names the first refusal's reason. */
    private MqttProperties refusalProperties(List<? extends ReasonCode> reasons) {
        if (!identity.isMqtt5()) {
            return MqttProperties.NO_PROPERTIES;
        }
        return reasons.stream().filter(ReasonCode::isError).findFirst()
                .map(session::refusalProperties).orElse(MqttProperties.NO_PROPERTIES);
    }
}
