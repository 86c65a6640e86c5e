package io.starlingmq.store;

import java.util.List;

/**
 * An application message as the store keeps it: in a session queue (with the QoS it is delivered at)
 * or as a retained message (with the QoS it was published at).
 *
 * @param expiryIntervalSeconds MQTT 5 message expiry interval, or -1 when absent
 * @param payloadFormat         MQTT 5 payload format indicator, or -1 when absent
 * @param receivedAtMillis      when the broker received it (for message expiry)
 */
public record StoredMessage(String topic, byte[] payload, int qos, boolean retain, String publisher,
                            long receivedAtMillis, int payloadFormat, long expiryIntervalSeconds,
                            String contentType, String responseTopic, byte[] correlationData,
                            List<UserProperty> userProperties) {

    public StoredMessage {
        userProperties = userProperties == null ? List.of() : List.copyOf(userProperties);
    }

    public static StoredMessage of(String topic, byte[] payload, int qos, boolean retain, String publisher) {
        return new StoredMessage(topic, payload, qos, retain, publisher, System.currentTimeMillis(),
                -1, -1, null, null, null, List.of());
    }

    public StoredMessage withQos(int newQos) {
        return new StoredMessage(topic, payload, newQos, retain, publisher, receivedAtMillis, payloadFormat,
                expiryIntervalSeconds, contentType, responseTopic, correlationData, userProperties);
    }

    public StoredMessage withRetain(boolean newRetain) {
        return new StoredMessage(topic, payload, qos, newRetain, publisher, receivedAtMillis, payloadFormat,
                expiryIntervalSeconds, contentType, responseTopic, correlationData, userProperties);
    }

    public record UserProperty(String key, String value) {
    }
}
