package io.starlingmq.systemtests.harness;

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
}
