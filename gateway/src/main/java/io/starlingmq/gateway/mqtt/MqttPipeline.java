package io.starlingmq.gateway.mqtt;

/** Names of the handlers in a connection's pipeline, in order. */
public final class MqttPipeline {

    public static final String IDLE = "idle";
    public static final String FLUSH_CONSOLIDATION = "flushConsolidation";
    /** Counts the bytes of MQTT packets, below the transport stages (TLS, WebSocket). */
    public static final String BYTE_METRICS = "byteMetrics";
    public static final String FRAME_CHECK = "strictFrames";
    public static final String DECODER = "mqttDecoder";
    public static final String ENCODER = "mqttEncoder";
    public static final String METRICS = "packetMetrics";
    public static final String DECODE_FAILURE = "decodeFailure";
    /** MQTT 5 enhanced authentication after CONNECT (AUTH packets, the CONNACK's Authentication Method). */
    public static final String REAUTHENTICATION = "reauthentication";
    public static final String CONNECT = "connect";
    public static final String KEEPALIVE = "keepAlive";
    public static final String SESSION = "session";

    private MqttPipeline() {
    }
}
