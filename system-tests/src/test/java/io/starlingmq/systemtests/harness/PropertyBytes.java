package io.starlingmq.systemtests.harness;

import java.io.ByteArrayOutputStream;

/** MQTT 5 properties as raw bytes (identifier, then value), to put in a packet's property block. */
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

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    public static PropertyBytes of() {
        return new PropertyBytes();
    }

    public PropertyBytes byteProperty(int id, int value) {
        bytes.write(id);
        bytes.write(value);
        return this;
    }

    public PropertyBytes twoByteProperty(int id, int value) {
        bytes.write(id);
        bytes.write(value >>> 8);
        bytes.write(value & 0xFF);
        return this;
    }

    public PropertyBytes fourByteProperty(int id, long value) {
        bytes.write(id);
        for (int shift = 24; shift >= 0; shift -= 8) {
            bytes.write((int) (value >>> shift) & 0xFF);
        }
        return this;
    }

    /** A property whose value is a variable byte integer (Subscription Identifier). */
    public PropertyBytes varIntProperty(int id, int value) {
        bytes.write(id);
        MqttPacketWriter.writeVarInt(bytes, value);
        return this;
    }

    public PropertyBytes subscriptionIdentifier(int value) {
        return varIntProperty(SUBSCRIPTION_IDENTIFIER, value);
    }

    public PropertyBytes messageExpiry(long seconds) {
        return fourByteProperty(MESSAGE_EXPIRY_INTERVAL, seconds);
    }

    public PropertyBytes payloadFormatIndicator(int value) {
        return byteProperty(PAYLOAD_FORMAT_INDICATOR, value);
    }

    public PropertyBytes topicAliasMaximum(int value) {
        return twoByteProperty(TOPIC_ALIAS_MAXIMUM, value);
    }

    public PropertyBytes requestProblemInformation(int value) {
        return byteProperty(REQUEST_PROBLEM_INFORMATION, value);
    }

    public PropertyBytes requestResponseInformation(int value) {
        return byteProperty(REQUEST_RESPONSE_INFORMATION, value);
    }

    public PropertyBytes sessionExpiry(long seconds) {
        return fourByteProperty(SESSION_EXPIRY_INTERVAL, seconds);
    }

    public PropertyBytes receiveMaximum(int value) {
        return twoByteProperty(RECEIVE_MAXIMUM, value);
    }

    public PropertyBytes maximumPacketSize(long value) {
        return fourByteProperty(MAXIMUM_PACKET_SIZE, value);
    }

    public PropertyBytes topicAlias(int value) {
        return twoByteProperty(TOPIC_ALIAS, value);
    }

    public PropertyBytes willDelay(long seconds) {
        return fourByteProperty(WILL_DELAY_INTERVAL, seconds);
    }

    public byte[] toBytes() {
        return bytes.toByteArray();
    }
}
