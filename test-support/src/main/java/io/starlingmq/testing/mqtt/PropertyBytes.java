package io.starlingmq.testing.mqtt;

import java.io.ByteArrayOutputStream;

/**
 * MQTT 5 properties as raw bytes (identifier, then value), to put in a packet's property block: each
 * method gives one property, {@link #of} puts several together. Nothing here checks anything.
 */
public final class PropertyBytes {

    public static final int PAYLOAD_FORMAT_INDICATOR = 0x01;
    public static final int MESSAGE_EXPIRY_INTERVAL = 0x02;
    public static final int SUBSCRIPTION_IDENTIFIER = 0x0B;
    public static final int SESSION_EXPIRY_INTERVAL = 0x11;
    public static final int ASSIGNED_CLIENT_IDENTIFIER = 0x12;
    public static final int SERVER_KEEP_ALIVE = 0x13;
    public static final int WILL_DELAY_INTERVAL = 0x18;
    public static final int REQUEST_PROBLEM_INFORMATION = 0x17;
    public static final int REQUEST_RESPONSE_INFORMATION = 0x19;
    public static final int RESPONSE_INFORMATION = 0x1A;
    public static final int REASON_STRING = 0x1F;
    public static final int RECEIVE_MAXIMUM = 0x21;
    public static final int TOPIC_ALIAS_MAXIMUM = 0x22;
    public static final int TOPIC_ALIAS = 0x23;
    public static final int MAXIMUM_QOS = 0x24;
    public static final int RETAIN_AVAILABLE = 0x25;
    public static final int MAXIMUM_PACKET_SIZE = 0x27;
    public static final int WILDCARD_SUBSCRIPTION_AVAILABLE = 0x28;
    public static final int SUBSCRIPTION_IDENTIFIERS_AVAILABLE = 0x29;
    public static final int SHARED_SUBSCRIPTION_AVAILABLE = 0x2A;

    private PropertyBytes() {
    }

    /** The given properties one after the other (none gives an empty block). */
    public static byte[] of(byte[]... properties) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] property : properties) {
            out.writeBytes(property);
        }
        return out.toByteArray();
    }

    public static byte[] byteProperty(int id, int value) {
        return new byte[] {(byte) id, (byte) value};
    }

    public static byte[] twoByteProperty(int id, int value) {
        return new MqttPacketWriter().u8(id).u16(value).toBytes();
    }

    public static byte[] fourByteProperty(int id, long value) {
        return new MqttPacketWriter().u8(id).u32(value).toBytes();
    }

    /** A property whose value is a variable byte integer (Subscription Identifier). */
    public static byte[] varIntProperty(int id, int value) {
        return new MqttPacketWriter().u8(id).varInt(value).toBytes();
    }

    /** A property whose value is a UTF-8 string given as raw bytes, well-formed or not (e.g. Content Type 0x03). */
    public static byte[] stringProperty(int id, byte[] content) {
        return new MqttPacketWriter().u8(id).binary(content).toBytes();
    }

    /** A User Property (0x26) with raw name and value bytes. */
    public static byte[] userProperty(byte[] name, byte[] value) {
        return new MqttPacketWriter().u8(0x26).binary(name).binary(value).toBytes();
    }

    public static byte[] subscriptionIdentifier(int value) {
        return varIntProperty(SUBSCRIPTION_IDENTIFIER, value);
    }

    public static byte[] messageExpiry(long seconds) {
        return fourByteProperty(MESSAGE_EXPIRY_INTERVAL, seconds);
    }

    public static byte[] payloadFormatIndicator(int value) {
        return byteProperty(PAYLOAD_FORMAT_INDICATOR, value);
    }

    public static byte[] topicAliasMaximum(int value) {
        return twoByteProperty(TOPIC_ALIAS_MAXIMUM, value);
    }

    public static byte[] requestProblemInformation(int value) {
        return byteProperty(REQUEST_PROBLEM_INFORMATION, value);
    }

    public static byte[] requestResponseInformation(int value) {
        return byteProperty(REQUEST_RESPONSE_INFORMATION, value);
    }

    public static byte[] sessionExpiry(long seconds) {
        return fourByteProperty(SESSION_EXPIRY_INTERVAL, seconds);
    }

    public static byte[] receiveMaximum(int value) {
        return twoByteProperty(RECEIVE_MAXIMUM, value);
    }

    public static byte[] maximumPacketSize(long value) {
        return fourByteProperty(MAXIMUM_PACKET_SIZE, value);
    }

    public static byte[] topicAlias(int value) {
        return twoByteProperty(TOPIC_ALIAS, value);
    }

    public static byte[] willDelay(long seconds) {
        return fourByteProperty(WILL_DELAY_INTERVAL, seconds);
    }
}
