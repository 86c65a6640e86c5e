package io.starlingmq.router.events;

import com.google.protobuf.ByteString;
import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.contract.link.v1.MessageProperties;
import io.starlingmq.contract.link.v1.UserProperty;
import io.starlingmq.store.StoredMessage;

/** Converts application messages between the link contract and the session store's model. */
public final class MessageMapping {

    private MessageMapping() {
    }

    public static StoredMessage toStored(Message message, long receivedAtMillis) {
        MessageProperties props = message.getProperties();
        return new StoredMessage(message.getTopic(), message.getPayload().toByteArray(), message.getQos(),
                message.getRetain(), message.getPublisher(), receivedAtMillis,
                props.hasPayloadFormatIndicator() ? props.getPayloadFormatIndicator() : -1,
                props.hasMessageExpiryInterval() ? Integer.toUnsignedLong(props.getMessageExpiryInterval()) : -1,
                emptyToNull(props.getContentType()), emptyToNull(props.getResponseTopic()),
                props.getCorrelationData().isEmpty() ? null : props.getCorrelationData().toByteArray(),
                props.getUserPropertiesList().stream()
                        .map(p -> new StoredMessage.UserProperty(p.getKey(), p.getValue())).toList());
    }

    /**
     * A message handed back by a gateway (a shared delivery to redispatch): it keeps the deadline the router
     * gave it ({@code expires_at_ms}), so its expiry is not restarted.
     */
    public static StoredMessage toStoredReturned(Message message, long nowMillis) {
        StoredMessage stored = toStored(message, nowMillis);
        long deadline = message.getExpiresAtMs();
        if (deadline == 0) {
            return stored;
        }
        long interval = message.getProperties().hasMessageExpiryInterval()
                ? Integer.toUnsignedLong(message.getProperties().getMessageExpiryInterval())
                : remainingSeconds(deadline, nowMillis);
        return new StoredMessage(stored.topic(), stored.payload(), stored.qos(), stored.retain(), stored.publisher(),
                deadline - interval * 1000, stored.payloadFormat(), interval, stored.contentType(),
                stored.responseTopic(), stored.correlationData(), stored.userProperties());
    }

    /**
     * The message of a Deliver: its expiry deadline, and the interval that remains of it in whole seconds,
     * rounded up [MQTT-3.3.2-6].
     */
    public static Message toDelivered(StoredMessage stored, long nowMillis) {
        Message message = toMessage(stored);
        long deadline = stored.expiresAtMillis();
        if (deadline == StoredMessage.NEVER) {
            return message;
        }
        return message.toBuilder()
                .setExpiresAtMs(deadline)
                .setProperties(message.getProperties().toBuilder()
                        .setMessageExpiryInterval((int) remainingSeconds(deadline, nowMillis)))
                .build();
    }

    /** Whole seconds left until {@code deadline}, rounded up; 0 once it passed. */
    static long remainingSeconds(long deadline, long nowMillis) {
        return Math.max(0, Math.ceilDiv(deadline - nowMillis, 1000L));
    }

    public static Message toMessage(StoredMessage stored) {
        MessageProperties.Builder props = MessageProperties.newBuilder();
        if (stored.payloadFormat() >= 0) {
            props.setPayloadFormatIndicator(stored.payloadFormat());
        }
        if (stored.expiryIntervalSeconds() >= 0) {
            props.setMessageExpiryInterval((int) stored.expiryIntervalSeconds());
        }
        if (stored.contentType() != null) {
            props.setContentType(stored.contentType());
        }
        if (stored.responseTopic() != null) {
            props.setResponseTopic(stored.responseTopic());
        }
        if (stored.correlationData() != null) {
            props.setCorrelationData(ByteString.copyFrom(stored.correlationData()));
        }
        stored.userProperties().forEach(p -> props.addUserProperties(
                UserProperty.newBuilder().setKey(p.key()).setValue(p.value())));
        return Message.newBuilder()
                .setTopic(stored.topic())
                .setPayload(stored.payload() == null ? ByteString.EMPTY : ByteString.copyFrom(stored.payload()))
                .setQos(stored.qos())
                .setRetain(stored.retain())
                .setProperties(props)
                .setPublisher(stored.publisher() == null ? "" : stored.publisher())
                .build();
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
