package io.starlingmq.gateway.auth;

import io.netty.handler.codec.mqtt.MqttMessage;
import io.starlingmq.gateway.support.Decoded;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Hand-written MQTT 5 enhanced-authentication bytes: CONNECT properties and AUTH packets. */
final class EnhancedAuthBytes {

    static final int AUTH = 15;

    private EnhancedAuthBytes() {
    }

    /** A 5.0 CONNECT with Authentication Method and, when not null, Authentication Data. */
    static byte[] connect(String clientId, String method, String data) {
        return MqttPackets.connect(MqttPackets.V5, clientId, 0, true, properties(method, data));
    }

    /** An AUTH packet with this reason code, Authentication Method and (when not null) Authentication Data. */
    static byte[] auth(int reasonCode, String method, String data) {
        byte[] properties = properties(method, data);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(reasonCode);
        if (properties.length > 127) {
            throw new IllegalArgumentException("properties this long need a multi-byte length");
        }
        body.write(properties.length);
        body.writeBytes(properties);
        return MqttPackets.packet(0xF0, body.toByteArray());
    }

    /** Decodes a packet the gateway sent on a 5.0 connection, properties included. */
    static MqttMessage decode(ReceivedPacket packet) {
        return Decoded.after(MqttPackets.connect(MqttPackets.V5, "decoder", 0, true),
                MqttPackets.packet(packet.firstByte(), packet.body()));
    }

    private static byte[] properties(String method, String data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (method != null) {
            out.write(0x15);
            writeBytes(out, method.getBytes(StandardCharsets.UTF_8));
        }
        if (data != null) {
            out.write(0x16);
            writeBytes(out, data.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static void writeBytes(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xFF);
        out.writeBytes(bytes);
    }
}
