package io.starlingmq.router.sys;

import com.google.protobuf.UnsafeByteOperations;
import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.contract.link.v1.MessageProperties;

import java.nio.charset.StandardCharsets;

/** The messages a router publishes under {@code $SYS}: QoS 0, not retained, UTF-8 payloads. */
final class SysMessages {

    private static final int UTF8_PAYLOAD = 1;

    private SysMessages() {
    }

    static Message text(String topic, String text) {
        return message(topic, text.getBytes(StandardCharsets.UTF_8), null);
    }

    static Message json(String topic, byte[] json) {
        return message(topic, json, "application/json");
    }

    /** Not retained: a retained value of a router that is gone would be read as current forever. */
    private static Message message(String topic, byte[] payload, String contentType) {
        MessageProperties.Builder properties = MessageProperties.newBuilder().setPayloadFormatIndicator(UTF8_PAYLOAD);
        if (contentType != null) {
            properties.setContentType(contentType);
        }
        // The array is made for this message alone and never written again.
        return Message.newBuilder().setTopic(topic).setPayload(UnsafeByteOperations.unsafeWrap(payload)).setQos(0)
                .setRetain(false).setProperties(properties).build();
    }
}
