package io.starlingmq.gateway.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Hand-written MQTT packets, so tests can send what a client library would refuse to. */
public final class MqttBytes {

    public static final int V311 = 4;
    public static final int V5 = 5;

    private MqttBytes() {
    }

    public static byte[] connect(int version, String clientId, int keepAlive, boolean cleanStart) {
        return connect(version, clientId, keepAlive, cleanStart, new byte[0]);
    }

    /** CONNECT; for 5.0 the given raw property bytes (without their length) are included. */
    public static byte[] connect(int version, String clientId, int keepAlive, boolean cleanStart, byte[] properties) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, "MQTT");
        body.write(version);
        body.write(cleanStart ? 0x02 : 0x00);
        body.write(keepAlive >> 8);
        body.write(keepAlive & 0xFF);
        if (version == V5) {
            writeVarInt(body, properties.length);
            body.writeBytes(properties);
        }
        writeString(body, clientId);
        return packet(0x10, body.toByteArray());
    }

    /** MQTT 5 Receive Maximum property bytes. */
    public static byte[] receiveMaximum(int value) {
        return new byte[] {0x21, (byte) (value >> 8), (byte) value};
    }

    public static byte[] publish(int version, String topic, int qos, int packetId, byte[] payload) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, topic);
        if (qos > 0) {
            body.write(packetId >> 8);
            body.write(packetId & 0xFF);
        }
        if (version == V5) {
            body.write(0);
        }
        body.writeBytes(payload);
        return packet(0x30 | (qos << 1), body.toByteArray());
    }

    /** A PUBLISH fixed header claiming the given remaining length, followed by a small variable header. */
    public static byte[] publishHeaderClaiming(int remainingLength, String topic) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        writeVarInt(out, remainingLength);
        writeString(out, topic);
        out.write(0);
        return out.toByteArray();
    }

    public static byte[] subscribe(int version, int packetId, int qos, String... filters) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(packetId >> 8);
        body.write(packetId & 0xFF);
        if (version == V5) {
            body.write(0);
        }
        for (String filter : filters) {
            writeString(body, filter);
            body.write(qos);
        }
        return packet(0x82, body.toByteArray());
    }

    /** MQTT 5 PUBLISH with the given raw property bytes (without their length). */
    public static byte[] publish5(String topic, int qos, int packetId, byte[] properties, byte[] payload) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, topic);
        if (qos > 0) {
            body.write(packetId >> 8);
            body.write(packetId & 0xFF);
        }
        writeVarInt(body, properties.length);
        body.writeBytes(properties);
        body.writeBytes(payload);
        return packet(0x30 | (qos << 1), body.toByteArray());
    }

    /**
     * MQTT 5 SUBSCRIBE of one filter with a raw options byte (QoS in bits 0-1, No Local bit 2, Retain As
     * Published bit 3, Retain Handling bits 4-5) and raw property bytes.
     */
    public static byte[] subscribe5(int packetId, byte[] properties, String filter, int options) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(packetId >> 8);
        body.write(packetId & 0xFF);
        writeVarInt(body, properties.length);
        body.writeBytes(properties);
        writeString(body, filter);
        body.write(options);
        return packet(0x82, body.toByteArray());
    }

    public static byte[] unsubscribe(int version, int packetId, String... filters) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(packetId >> 8);
        body.write(packetId & 0xFF);
        if (version == V5) {
            body.write(0);
        }
        for (String filter : filters) {
            writeString(body, filter);
        }
        return packet(0xA2, body.toByteArray());
    }

    /** Property bytes put together, for packets carrying several. */
    public static byte[] properties(byte[]... each) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] property : each) {
            out.writeBytes(property);
        }
        return out.toByteArray();
    }

    public static byte[] subscriptionIdentifier(int value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x0B);
        writeVarInt(out, value);
        return out.toByteArray();
    }

    public static byte[] topicAlias(int value) {
        return new byte[] {0x23, (byte) (value >> 8), (byte) value};
    }

    public static byte[] topicAliasMaximum(int value) {
        return new byte[] {0x22, (byte) (value >> 8), (byte) value};
    }

    public static byte[] maximumPacketSize(int value) {
        return new byte[] {0x27, (byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value};
    }

    public static byte[] payloadFormatIndicator(int value) {
        return new byte[] {0x01, (byte) value};
    }

    public static byte[] requestProblemInformation(int value) {
        return new byte[] {0x17, (byte) value};
    }

    public static byte[] requestResponseInformation(int value) {
        return new byte[] {0x19, (byte) value};
    }

    /** A QoS > 0 PUBLISH resent with DUP set. */
    public static byte[] publishDup(int version, String topic, int qos, int packetId, byte[] payload) {
        byte[] publish = publish(version, topic, qos, packetId, payload);
        publish[0] |= 0x08;
        return publish;
    }

    /** MQTT 5 Session Expiry Interval property bytes. */
    public static byte[] sessionExpiry(int seconds) {
        return new byte[] {0x11, (byte) (seconds >> 24), (byte) (seconds >> 16), (byte) (seconds >> 8), (byte) seconds};
    }

    public static byte[] pubrec(int packetId) {
        return new byte[] {0x50, 0x02, (byte) (packetId >> 8), (byte) packetId};
    }

    public static byte[] pubrel(int packetId) {
        return new byte[] {0x62, 0x02, (byte) (packetId >> 8), (byte) packetId};
    }

    public static byte[] pubcomp(int packetId) {
        return new byte[] {0x70, 0x02, (byte) (packetId >> 8), (byte) packetId};
    }

    public static byte[] puback(int packetId) {
        return new byte[] {0x40, 0x02, (byte) (packetId >> 8), (byte) packetId};
    }

    public static byte[] pingreq() {
        return new byte[] {(byte) 0xC0, 0x00};
    }

    public static byte[] disconnect() {
        return new byte[] {(byte) 0xE0, 0x00};
    }

    public static byte[] packet(int firstByte, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(firstByte);
        writeVarInt(out, body.length);
        out.writeBytes(body);
        return out.toByteArray();
    }

    static void writeString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xFF);
        out.writeBytes(bytes);
    }

    static void writeVarInt(ByteArrayOutputStream out, int value) {
        do {
            int digit = value % 128;
            value /= 128;
            out.write(value > 0 ? digit | 0x80 : digit);
        } while (value > 0);
    }
}
