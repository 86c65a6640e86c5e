package io.starlingmq.gateway.mqtt;

/**
 * The Keep Alive in force for a connection. An MQTT 5 client asking more than the configured maximum,
 * or 0 (none) while a maximum is set, gets the maximum, announced as Server Keep Alive (5.0 §3.2.2.3.14);
 * a 3.1.1 client, which cannot be told, keeps its own.
 *
 * @param seconds the Keep Alive the idle timer uses, 0 = none
 * @param announced whether CONNACK carries it as Server Keep Alive
 */
record KeepAliveGrant(int seconds, boolean announced) {

    static KeepAliveGrant of(int requested, int configuredMaximum, boolean mqtt5) {
        if (!mqtt5 || configuredMaximum <= 0 || (requested > 0 && requested <= configuredMaximum)) {
            return new KeepAliveGrant(requested, false);
        }
        return new KeepAliveGrant(configuredMaximum, true);
    }

    /** The Server Keep Alive for CONNACK, -1 when none is sent. */
    int serverKeepAlive() {
        return announced ? seconds : -1;
    }
}
