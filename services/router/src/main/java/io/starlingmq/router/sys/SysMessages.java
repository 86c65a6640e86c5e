package io.starlingmq.router.sys;

import io.starlingmq.store.StoredMessage;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The messages a router publishes under {@code $SYS}: QoS 0, not retained, UTF-8 payloads. */
final class SysMessages {

    private static final int UTF8_PAYLOAD = 1;

    private SysMessages() {
    }

    static StoredMessage text(String topic, String text) {
        return message(topic, text.getBytes(StandardCharsets.UTF_8), null);
    }

    static StoredMessage json(String topic, byte[] json) {
        return message(topic, json, "application/json");
    }

    /** Not retained: a retained value of a router that is gone would be read as current forever. */
    private static StoredMessage message(String topic, byte[] payload, String contentType) {
        return new StoredMessage(topic, payload, 0, false, null, System.currentTimeMillis(), UTF8_PAYLOAD, -1,
                contentType, null, null, List.of());
    }
}
