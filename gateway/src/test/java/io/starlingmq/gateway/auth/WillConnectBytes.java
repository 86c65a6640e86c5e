package io.starlingmq.gateway.auth;

import io.starlingmq.testing.mqtt.MqttPackets;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A hand-written CONNECT carrying a QoS 0 will, for 3.1.1 and 5.0 (no properties). */
final class WillConnectBytes {

    private WillConnectBytes() {
    }

    static byte[] connect(int version, String clientId, String willTopic, String willPayload) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeBytes(body, "MQTT".getBytes(StandardCharsets.UTF_8));
        body.write(version);
        body.write(0x02 | 0x04); // clean start, will flag, will QoS 0
        body.write(0);
        body.write(0); // keepalive 0
        if (version == MqttPackets.V5) {
            body.write(0); // CONNECT properties
        }
        writeBytes(body, clientId.getBytes(StandardCharsets.UTF_8));
        if (version == MqttPackets.V5) {
            body.write(0); // will properties
        }
        writeBytes(body, willTopic.getBytes(StandardCharsets.UTF_8));
        writeBytes(body, willPayload.getBytes(StandardCharsets.UTF_8));
        return MqttPackets.packet(0x10, body.toByteArray());
    }

    private static void writeBytes(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xFF);
        out.writeBytes(bytes);
    }
}
