package io.starlingmq.store;

import java.util.List;

/**
 * An application message as the store keeps it: in a session queue (with the QoS, retain flag, Subscription
 * Identifiers and shared subscription it is delivered with) or as a retained message (as published).
 *
 * @param expiryIntervalSeconds MQTT 5 message expiry interval, or -1 when absent
 * @param payloadFormat         MQTT 5 payload format indicator, or -1 when absent
 * @param receivedAtMillis      when the broker received it (message expiry counts from here)
 * @param subscriptionIds       the Subscription Identifiers of the matching subscriptions of the session the
 *                              message is queued for; empty elsewhere
 * @param sharedSubscription    the shared subscription ("$share/{group}/{filter}") it was queued through, or
 *                              null
 */
public record StoredMessage(String topic, byte[] payload, int qos, boolean retain, String publisher,
                            long receivedAtMillis, int payloadFormat, long expiryIntervalSeconds,
                            String contentType, String responseTopic, byte[] correlationData,
                            List<UserProperty> userProperties, List<Integer> subscriptionIds,
                            String sharedSubscription) {

    /** Deadline meaning "never expires". */
    public static final long NEVER = 0;

    public StoredMessage {
        userProperties = userProperties == null ? List.of() : List.copyOf(userProperties);
        subscriptionIds = subscriptionIds == null ? List.of() : List.copyOf(subscriptionIds);
    }

    /** A message as published: not yet addressed to a subscription. */
    public StoredMessage(String topic, byte[] payload, int qos, boolean retain, String publisher,
                         long receivedAtMillis, int payloadFormat, long expiryIntervalSeconds,
                         String contentType, String responseTopic, byte[] correlationData,
                         List<UserProperty> userProperties) {
        this(topic, payload, qos, retain, publisher, receivedAtMillis, payloadFormat, expiryIntervalSeconds,
                contentType, responseTopic, correlationData, userProperties, List.of(), null);
    }

    public static StoredMessage of(String topic, byte[] payload, int qos, boolean retain, String publisher) {
        return new StoredMessage(topic, payload, qos, retain, publisher, System.currentTimeMillis(),
                -1, -1, null, null, null, List.of());
    }

    public StoredMessage withQos(int newQos) {
        return new StoredMessage(topic, payload, newQos, retain, publisher, receivedAtMillis, payloadFormat,
                expiryIntervalSeconds, contentType, responseTopic, correlationData, userProperties, subscriptionIds,
                sharedSubscription);
    }

    public StoredMessage withRetain(boolean newRetain) {
        return new StoredMessage(topic, payload, qos, newRetain, publisher, receivedAtMillis, payloadFormat,
                expiryIntervalSeconds, contentType, responseTopic, correlationData, userProperties, subscriptionIds,
                sharedSubscription);
    }

    /** This message addressed to one session: the QoS, retain flag and subscription facts it is delivered with. */
    public StoredMessage addressed(int newQos, boolean newRetain, List<Integer> ids, String shared) {
        return new StoredMessage(topic, payload, newQos, newRetain, publisher, receivedAtMillis, payloadFormat,
                expiryIntervalSeconds, contentType, responseTopic, correlationData, userProperties, ids, shared);
    }

    /** When the message expires (epoch millis), or {@link #NEVER}. */
    public long expiresAtMillis() {
        return expiryIntervalSeconds < 0 ? NEVER : receivedAtMillis + expiryIntervalSeconds * 1000;
    }

    /** Whether its expiry interval has passed at {@code nowMillis}: it must not be delivered any more. */
    public boolean expiredAt(long nowMillis) {
        long deadline = expiresAtMillis();
        return deadline != NEVER && nowMillis > deadline;
    }

    public record UserProperty(String key, String value) {
    }
}
