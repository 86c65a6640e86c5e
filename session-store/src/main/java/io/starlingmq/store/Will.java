package io.starlingmq.store;

/**
 * A connection's will: the message published when the connection ends without a normal DISCONNECT.
 *
 * @param message      the will message (topic, payload, QoS, retain flag and properties)
 * @param delaySeconds MQTT 5 Will Delay Interval, already capped by the session expiry at CONNECT
 */
public record Will(StoredMessage message, long delaySeconds) {

    public Will {
        if (message == null) {
            throw new IllegalArgumentException("a will needs a message");
        }
        if (delaySeconds < 0) {
            throw new IllegalArgumentException("delaySeconds must not be negative");
        }
    }
}
