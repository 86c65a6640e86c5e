package io.starlingmq.gateway.session;

import io.netty.handler.codec.mqtt.MqttVersion;

/**
 * Who a connection is once its CONNECT was accepted. Only the session expiry changes afterwards
 * (an MQTT 5 DISCONNECT may set it); everything else is fixed for the connection's life.
 */
public final class ConnectionIdentity {

    /** 3.1.1 "clean session 0" and MQTT 5 "never expires". */
    public static final long NEVER_EXPIRES = 0xFFFFFFFFL;

    private final long connectionId;
    private final String clientId;
    private final MqttVersion version;
    private final boolean cleanStart;
    private long sessionExpiry;

    public ConnectionIdentity(long connectionId, String clientId, MqttVersion version, boolean cleanStart,
            long sessionExpiry) {
        this.connectionId = connectionId;
        this.clientId = clientId;
        this.version = version;
        this.cleanStart = cleanStart;
        this.sessionExpiry = sessionExpiry;
    }

    public long connectionId() {
        return connectionId;
    }

    public String clientId() {
        return clientId;
    }

    public MqttVersion version() {
        return version;
    }

    public boolean isMqtt5() {
        return version == MqttVersion.MQTT_5;
    }

    public boolean cleanStart() {
        return cleanStart;
    }

    /** Seconds the session outlives the connection, 0..0xFFFFFFFF. */
    public long sessionExpiry() {
        return sessionExpiry;
    }

    /** A persistent session outlives its connection; its deliveries carry store-assigned ids. */
    public boolean persistent() {
        return sessionExpiry > 0;
    }

    public void changeSessionExpiry(long seconds) {
        this.sessionExpiry = seconds;
    }
}
