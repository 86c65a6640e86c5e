package io.starlingmq.ops.api;

import com.google.protobuf.ByteString;
import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.contract.link.v1.MessageProperties;
import io.starlingmq.contract.link.v1.UserProperty;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Checks a publish body field by field and turns it into the contract's message; the first bad field is named. */
final class PublishRequests {

    /** A field that cannot be published as given. */
    static final class BadField extends RuntimeException {
        BadField(String field, String problem) {
            super(field + ": " + problem);
        }
    }

    private PublishRequests() {
    }

    static Message toMessage(PublishRequestBody body) {
        if (body == null) {
            throw new BadField("body", "a JSON object with at least topic and payload is required");
        }
        if (body.topic() == null || body.topic().isEmpty()) {
            throw new BadField("topic", "is required");
        }
        if (body.topic().contains("+") || body.topic().contains("#")) {
            throw new BadField("topic", "a topic name, not a filter: no + or #");
        }
        if (body.topic().length() > 65_535) {
            throw new BadField("topic", "longer than MQTT allows (65,535 bytes)");
        }
        if (body.payload() == null) {
            throw new BadField("payload", "is required (an empty string for an empty payload)");
        }
        int qos = body.qos() == null ? 0 : body.qos();
        if (qos < 0 || qos > 2) {
            throw new BadField("qos", "must be 0, 1 or 2");
        }
        Message.Builder message = Message.newBuilder().setTopic(body.topic()).setPayload(payload(body)).setQos(qos)
                .setRetain(Boolean.TRUE.equals(body.retain()))
                .setPublisher(body.clientid() == null ? "" : body.clientid());
        if (body.properties() != null) {
            message.setProperties(properties(body.properties()));
        }
        return message.build();
    }

    private static ByteString payload(PublishRequestBody body) {
        String encoding = body.payloadEncoding() == null ? "plain" : body.payloadEncoding();
        return switch (encoding) {
            case "plain" -> ByteString.copyFromUtf8(body.payload());
            case "base64" -> {
                try {
                    yield ByteString.copyFrom(Base64.getDecoder().decode(body.payload()));
                } catch (IllegalArgumentException e) {
                    throw new BadField("payload", "not base64: " + e.getMessage());
                }
            }
            default -> throw new BadField("payload_encoding", "must be plain or base64");
        };
    }

    private static MessageProperties properties(PublishRequestBody.Properties p) {
        MessageProperties.Builder b = MessageProperties.newBuilder();
        if (p.payloadFormatIndicator() != null) {
            if (p.payloadFormatIndicator() != 0 && p.payloadFormatIndicator() != 1) {
                throw new BadField("properties.payload_format_indicator", "must be 0 or 1");
            }
            b.setPayloadFormatIndicator(p.payloadFormatIndicator());
        }
        if (p.messageExpiryInterval() != null) {
            if (p.messageExpiryInterval() < 0 || p.messageExpiryInterval() > 0xFFFF_FFFFL) {
                throw new BadField("properties.message_expiry_interval", "seconds from 0 to 4294967295");
            }
            b.setMessageExpiryInterval((int) (long) p.messageExpiryInterval());
        }
        if (p.responseTopic() != null) {
            if (p.responseTopic().contains("+") || p.responseTopic().contains("#")) {
                throw new BadField("properties.response_topic", "a topic name, not a filter: no + or #");
            }
            b.setResponseTopic(p.responseTopic());
        }
        if (p.correlationData() != null) {
            b.setCorrelationData(ByteString.copyFrom(p.correlationData(), StandardCharsets.UTF_8));
        }
        if (p.contentType() != null) {
            b.setContentType(p.contentType());
        }
        if (p.userProperties() != null) {
            p.userProperties().forEach((k, v) -> b.addUserProperties(UserProperty.newBuilder().setKey(k).setValue(v)));
        }
        return b.build();
    }
}
