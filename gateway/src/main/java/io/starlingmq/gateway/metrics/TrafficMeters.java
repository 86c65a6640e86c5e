package io.starlingmq.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What crosses the MQTT sockets: PUBLISH packets in and out by QoS, and the bytes of MQTT packets in
 * and out (after TLS and WebSocket framing are removed, so every transport counts the same way).
 */
public final class TrafficMeters {

    private final Counter[] received = new Counter[3];
    private final Counter[] sent = new Counter[3];
    private final Counter bytesReceived;
    private final Counter bytesSent;

    public TrafficMeters(MeterRegistry registry) {
        for (int qos = 0; qos < 3; qos++) {
            received[qos] = Counter.builder("starling.gateway.messages.received")
                    .description("PUBLISH packets received from clients, by QoS")
                    .tag("qos", Integer.toString(qos)).register(registry);
            sent[qos] = Counter.builder("starling.gateway.messages.sent")
                    .description("PUBLISH packets written to clients, by QoS (resends included)")
                    .tag("qos", Integer.toString(qos)).register(registry);
        }
        bytesReceived = Counter.builder("starling.gateway.received.bytes").baseUnit("bytes")
                .description("Bytes of MQTT packets read from clients").register(registry);
        bytesSent = Counter.builder("starling.gateway.sent.bytes").baseUnit("bytes")
                .description("Bytes of MQTT packets written to clients").register(registry);
    }

    /** A PUBLISH from a client. @param qos 0, 1 or 2 */
    public void messageReceived(int qos) {
        received[qos].increment();
    }

    /** A PUBLISH to a client. @param qos 0, 1 or 2 */
    public void messageSent(int qos) {
        sent[qos].increment();
    }

    public void bytesReceived(int bytes) {
        bytesReceived.increment(bytes);
    }

    public void bytesSent(int bytes) {
        bytesSent.increment(bytes);
    }
}
