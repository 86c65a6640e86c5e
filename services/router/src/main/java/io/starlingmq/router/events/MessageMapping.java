package io.starlingmq.router.events;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.contract.link.v1.MessageProperties;
import io.starlingmq.contract.link.v1.UserProperty;
import io.starlingmq.router.routing.AddressedMessage;
import io.starlingmq.router.routing.MessageExpiry;
import io.starlingmq.store.StoredMessage;

/**
 * Converts messages between the router's type (the contract's {@link Message}) and the session store's record,
 * at the store calls only. Routing itself never converts: one {@code Message}, one payload, reaches every
 * session a publish goes to.
 */
public final class MessageMapping {

    private MessageMapping() {
    }

    /**
     * The store's record of a routed message (see {@link MessageExpiry#received}): its instant of receipt is
     * its deadline less its interval, or {@code nowMillis} for a message that never expires. The payload is
     * copied: the store's record owns an array.
     */
    public static StoredMessage toStored(Message message, long nowMillis) {
        MessageProperties props = message.getProperties();
        return new StoredMessage(message.getTopic(), message.getPayload().toByteArray(), message.getQos(),
                message.getRetain(), message.getPublisher(), MessageExpiry.receivedAt(message, nowMillis),
                props.hasPayloadFormatIndicator() ? props.getPayloadFormatIndicator() : -1,
                props.hasMessageExpiryInterval() ? Integer.toUnsignedLong(props.getMessageExpiryInterval()) : -1,
                emptyToNull(props.getContentType()), emptyToNull(props.getResponseTopic()),
                props.getCorrelationData().isEmpty() ? null : props.getCorrelationData().toByteArray(),
                props.getUserPropertiesList().stream()
                        .map(p -> new StoredMessage.UserProperty(p.getKey(), p.getValue())).toList());
    }

    /** The store's record of one session's delivery: {@code stored} is the message's record, made once. */
    public static StoredMessage toStored(StoredMessage stored, AddressedMessage addressed) {
        return stored.addressed(addressed.qos(), addressed.retain(), addressed.subscriptionIds(),
                addressed.sharedSubscription());
    }

    /** One session's delivery as the store kept it. */
    public static AddressedMessage toAddressed(StoredMessage stored) {
        return new AddressedMessage(toMessage(stored), stored.qos(), stored.retain(), stored.subscriptionIds(),
                stored.sharedSubscription());
    }

    /**
     * The router's message for a record of the store, deadline included. The payload is wrapped, not copied:
     * a record's array is never written after it is made.
     */
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
                .setPayload(stored.payload() == null ? ByteString.EMPTY : UnsafeByteOperations.unsafeWrap(stored.payload()))
                .setQos(stored.qos())
                .setRetain(stored.retain())
                .setProperties(props)
                .setPublisher(stored.publisher() == null ? "" : stored.publisher())
                .setExpiresAtMs(stored.expiresAtMillis())
                .build();
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
