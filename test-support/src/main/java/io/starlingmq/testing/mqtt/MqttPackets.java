package io.starlingmq.testing.mqtt;

import java.io.ByteArrayOutputStream;

/**
 * Well-formed MQTT packets as bytes, for 3.1.1 ({@link #V311}) and 5.0 ({@link #V5}); tests that need
 * a malformed variant build it with {@link MqttPacketWriter} or alter these bytes.
 */
public final class MqttPackets {

    public static final int V311 = 4;
    public static final int V5 = 5;

    private MqttPackets() {
    }

    /** A CONNECT with clean start, no will, no credentials, the given keep alive. */
    public static byte[] connect(int version, String clientId, int keepAliveSeconds) {
        return connect(version, clientId, keepAliveSeconds, true, new byte[0]);
    }

    /** A CONNECT without will, credentials or properties. */
    public static byte[] connect(int version, String clientId, int keepAliveSeconds, boolean cleanStart) {
        return connect(version, clientId, keepAliveSeconds, cleanStart, new byte[0]);
    }

    /** A CONNECT without will or credentials; {@code properties} are used for 5.0 only. */
    public static byte[] connect(int version, String clientId, int keepAliveSeconds, boolean cleanStart,
                                 byte[] properties) {
        return connectWriter(version, cleanStart ? 0x02 : 0x00, keepAliveSeconds, properties)
                .string(clientId).packet(0x10);
    }

    /** A clean-start CONNECT with user name and password, no will, no properties. */
    public static byte[] connectWithCredentials(int version, String clientId, int keepAliveSeconds, String username,
                                                String password) {
        return connectWriter(version, 0x80 | 0x40 | 0x02, keepAliveSeconds, new byte[0])
                .string(clientId).string(username).string(password).packet(0x10);
    }

    /**
     * The variable header of a CONNECT with the given flags byte, left open for the payload: the caller
     * writes the client id and whatever the flags announce, then {@link MqttPacketWriter#packet(int)} with 0x10.
     */
    public static MqttPacketWriter connectWriter(int version, int flags, int keepAliveSeconds, byte[] properties) {
        MqttPacketWriter writer = new MqttPacketWriter().string("MQTT").u8(version).u8(flags).u16(keepAliveSeconds);
        if (version == V5) {
            writer.properties(properties);
        }
        return writer;
    }

    /**
     * The start of a CONNECT body up to the keep alive and nothing after (no property block even for 5.0):
     * protocol name and level for {@code version} (3 gives "MQIsdp"), the given flags byte, keep alive 0.
     */
    public static MqttPacketWriter connectHeader(int version, int flags) {
        return new MqttPacketWriter().string(version == 3 ? "MQIsdp" : "MQTT").u8(version).u8(flags).u16(0);
    }

    /**
     * A clean-start CONNECT with a will; {@code properties} and {@code willProperties} are used for 5.0
     * only, the keep alive is 0.
     */
    public static byte[] connectWithWill(int version, String clientId, byte[] properties, String willTopic,
                                         String willPayload, int willQos, boolean willRetain, byte[] willProperties) {
        int flags = 0x02 | 0x04 | (willQos << 3) | (willRetain ? 0x20 : 0);
        MqttPacketWriter writer = connectWriter(version, flags, 0, properties).string(clientId);
        if (version == V5) {
            writer.properties(willProperties);
        }
        return writer.string(willTopic).string(willPayload).packet(0x10);
    }

    public static byte[] publish(int version, String topic, int qos, int packetId, byte[] payload) {
        return publish(version, topic, qos, packetId, false, new byte[0], payload);
    }

    public static byte[] publish(int version, String topic, int qos, int packetId, boolean retain,
                                 byte[] properties, byte[] payload) {
        MqttPacketWriter writer = new MqttPacketWriter().string(topic);
        if (qos > 0) {
            writer.u16(packetId);
        }
        if (version == V5) {
            writer.properties(properties);
        }
        writer.bytes(payload);
        return writer.packet(0x30 | (qos << 1) | (retain ? 1 : 0));
    }

    /** A 5.0 PUBLISH without retain, with the given property bytes. */
    public static byte[] publish5(String topic, int qos, int packetId, byte[] properties, byte[] payload) {
        return publish(V5, topic, qos, packetId, false, properties, payload);
    }

    /** A QoS &gt; 0 PUBLISH resent with DUP set. */
    public static byte[] publishDup(int version, String topic, int qos, int packetId, byte[] payload) {
        byte[] publish = publish(version, topic, qos, packetId, payload);
        publish[0] |= 0x08;
        return publish;
    }

    /**
     * A PUBLISH fixed header claiming {@code remainingLength}, then only a topic and an empty 5.0 property
     * length: the rest of what it claims never follows.
     */
    public static byte[] publishHeaderClaiming(int remainingLength, String topic) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        MqttPacketWriter.writeVarInt(out, remainingLength);
        out.writeBytes(new MqttPacketWriter().string(topic).u8(0).toBytes());
        return out.toByteArray();
    }

    /** A SUBSCRIBE; each filter gets the same subscription options byte (for 3.1.1: the requested QoS). */
    public static byte[] subscribe(int version, int packetId, int options, String... filters) {
        MqttPacketWriter writer = new MqttPacketWriter().u16(packetId);
        if (version == V5) {
            writer.varInt(0);
        }
        for (String filter : filters) {
            writer.string(filter).u8(options);
        }
        return writer.packet(0x82);
    }

    /** A 5.0 SUBSCRIBE with properties (e.g. a Subscription Identifier); every filter gets the same options. */
    public static byte[] subscribe(int version, int packetId, byte[] properties, int options, String... filters) {
        MqttPacketWriter writer = new MqttPacketWriter().u16(packetId).properties(properties);
        for (String filter : filters) {
            writer.string(filter).u8(options);
        }
        return writer.packet(0x82);
    }

    /**
     * A 5.0 SUBSCRIBE of one filter with a raw options byte (QoS in bits 0-1, No Local bit 2, Retain As
     * Published bit 3, Retain Handling bits 4-5) and the given property bytes.
     */
    public static byte[] subscribe5(int packetId, byte[] properties, String filter, int options) {
        return subscribe(V5, packetId, properties, options, filter);
    }

    public static byte[] unsubscribe(int version, int packetId, String... filters) {
        MqttPacketWriter writer = new MqttPacketWriter().u16(packetId);
        if (version == V5) {
            writer.varInt(0);
        }
        for (String filter : filters) {
            writer.string(filter);
        }
        return writer.packet(0xA2);
    }

    public static byte[] puback(int packetId) {
        return new MqttPacketWriter().u16(packetId).packet(0x40);
    }

    public static byte[] pubrec(int packetId) {
        return new MqttPacketWriter().u16(packetId).packet(0x50);
    }

    public static byte[] pubrel(int packetId) {
        return new MqttPacketWriter().u16(packetId).packet(0x62);
    }

    public static byte[] pubcomp(int packetId) {
        return new MqttPacketWriter().u16(packetId).packet(0x70);
    }

    public static byte[] pingreq() {
        return new byte[] {(byte) 0xC0, 0x00};
    }

    /** DISCONNECT with no reason code (0x00 Normal disconnection). */
    public static byte[] disconnect() {
        return new byte[] {(byte) 0xE0, 0x00};
    }

    /** An MQTT 5 DISCONNECT with a reason code and properties. */
    public static byte[] disconnect(int reasonCode, byte[] properties) {
        return new MqttPacketWriter().u8(reasonCode).properties(properties).packet(0xE0);
    }

    /** A packet of the given first byte around a body given whole. */
    public static byte[] packet(int firstByte, byte[] body) {
        return new MqttPacketWriter().bytes(body).packet(firstByte);
    }
}
