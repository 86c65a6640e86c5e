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
