package io.starlingmq.gateway.codec;

import static io.starlingmq.gateway.codec.PropertyKind.*;

/**
 * The MQTT 5 property identifiers and their data types (5.0 §2.2.2.2), and which packets a client may put
 * them in. Only User Property may appear more than once in anything a client sends (a repeated Subscription
 * Identifier is allowed in PUBLISH from a server only).
 */
final class PropertyTable {

    static final int PAYLOAD_FORMAT_INDICATOR = 0x01;
    static final int MESSAGE_EXPIRY_INTERVAL = 0x02;
    static final int CONTENT_TYPE = 0x03;
    static final int RESPONSE_TOPIC = 0x08;
    static final int CORRELATION_DATA = 0x09;
    static final int SUBSCRIPTION_IDENTIFIER = 0x0B;
    static final int SESSION_EXPIRY_INTERVAL = 0x11;
    static final int AUTHENTICATION_METHOD = 0x15;
    static final int AUTHENTICATION_DATA = 0x16;
    static final int REQUEST_PROBLEM_INFORMATION = 0x17;
    static final int WILL_DELAY_INTERVAL = 0x18;
    static final int REQUEST_RESPONSE_INFORMATION = 0x19;
    static final int SERVER_REFERENCE = 0x1C;
    static final int REASON_STRING = 0x1F;
    static final int RECEIVE_MAXIMUM = 0x21;
    static final int TOPIC_ALIAS_MAXIMUM = 0x22;
    static final int TOPIC_ALIAS = 0x23;
    static final int USER_PROPERTY = 0x26;
    static final int MAXIMUM_PACKET_SIZE = 0x27;

    private static final PropertyKind[] KINDS = new PropertyKind[0x2B];

    static {
        KINDS[PAYLOAD_FORMAT_INDICATOR] = BYTE;
        KINDS[MESSAGE_EXPIRY_INTERVAL] = FOUR_BYTE_INTEGER;
        KINDS[CONTENT_TYPE] = UTF8_STRING;
        KINDS[RESPONSE_TOPIC] = UTF8_STRING;
        KINDS[CORRELATION_DATA] = BINARY_DATA;
        KINDS[SUBSCRIPTION_IDENTIFIER] = VARIABLE_BYTE_INTEGER;
        KINDS[SESSION_EXPIRY_INTERVAL] = FOUR_BYTE_INTEGER;
        KINDS[0x12] = UTF8_STRING; // Assigned Client Identifier
        KINDS[0x13] = TWO_BYTE_INTEGER; // Server Keep Alive
        KINDS[AUTHENTICATION_METHOD] = UTF8_STRING;
        KINDS[AUTHENTICATION_DATA] = BINARY_DATA;
        KINDS[REQUEST_PROBLEM_INFORMATION] = BYTE;
        KINDS[WILL_DELAY_INTERVAL] = FOUR_BYTE_INTEGER;
        KINDS[REQUEST_RESPONSE_INFORMATION] = BYTE;
        KINDS[0x1A] = UTF8_STRING; // Response Information
        KINDS[SERVER_REFERENCE] = UTF8_STRING;
        KINDS[REASON_STRING] = UTF8_STRING;
        KINDS[RECEIVE_MAXIMUM] = TWO_BYTE_INTEGER;
        KINDS[TOPIC_ALIAS_MAXIMUM] = TWO_BYTE_INTEGER;
        KINDS[TOPIC_ALIAS] = TWO_BYTE_INTEGER;
        KINDS[0x24] = BYTE; // Maximum QoS
        KINDS[0x25] = BYTE; // Retain Available
        KINDS[USER_PROPERTY] = UTF8_STRING_PAIR;
        KINDS[MAXIMUM_PACKET_SIZE] = FOUR_BYTE_INTEGER;
        KINDS[0x28] = BYTE; // Wildcard Subscription Available
        KINDS[0x29] = BYTE; // Subscription Identifier Available
        KINDS[0x2A] = BYTE; // Shared Subscription Available
    }

    /** Which properties one packet kind may carry from a client. */
    record Use(String packet, long allowed, long protocolErrors) {

        boolean allows(int id) {
            return (allowed & bit(id)) != 0;
        }

        /** A known property whose presence here is named a Protocol Error rather than malformed. */
        boolean isProtocolError(int id) {
            return (protocolErrors & bit(id)) != 0;
        }
    }

    static final Use CONNECT = new Use("CONNECT", mask(SESSION_EXPIRY_INTERVAL, RECEIVE_MAXIMUM, MAXIMUM_PACKET_SIZE,
            TOPIC_ALIAS_MAXIMUM, REQUEST_RESPONSE_INFORMATION, REQUEST_PROBLEM_INFORMATION, USER_PROPERTY,
            AUTHENTICATION_METHOD, AUTHENTICATION_DATA), 0);
    static final Use WILL = new Use("Will", mask(WILL_DELAY_INTERVAL, PAYLOAD_FORMAT_INDICATOR,
            MESSAGE_EXPIRY_INTERVAL, CONTENT_TYPE, RESPONSE_TOPIC, CORRELATION_DATA, USER_PROPERTY), 0);
    /** [MQTT-3.3.4-6]: a PUBLISH from a client must not carry a Subscription Identifier. */
    static final Use PUBLISH = new Use("PUBLISH", mask(PAYLOAD_FORMAT_INDICATOR, MESSAGE_EXPIRY_INTERVAL,
            TOPIC_ALIAS, RESPONSE_TOPIC, CORRELATION_DATA, USER_PROPERTY, CONTENT_TYPE),
            mask(SUBSCRIPTION_IDENTIFIER));
    static final Use ACKNOWLEDGEMENT = new Use("acknowledgement", mask(REASON_STRING, USER_PROPERTY), 0);
    static final Use SUBSCRIBE = new Use("SUBSCRIBE", mask(SUBSCRIPTION_IDENTIFIER, USER_PROPERTY), 0);
    static final Use UNSUBSCRIBE = new Use("UNSUBSCRIBE", mask(USER_PROPERTY), 0);
    static final Use AUTH = new Use("AUTH", mask(AUTHENTICATION_METHOD, AUTHENTICATION_DATA, REASON_STRING,
            USER_PROPERTY), 0);
    static final Use DISCONNECT = new Use("DISCONNECT", mask(SESSION_EXPIRY_INTERVAL, REASON_STRING,
            USER_PROPERTY, SERVER_REFERENCE), 0);

    private PropertyTable() {
    }

    /** The data type of a property id, or null for an id MQTT 5 does not define. */
    static PropertyKind kindOf(int id) {
        return id < KINDS.length ? KINDS[id] : null;
    }

    static boolean repeatable(int id) {
        return id == USER_PROPERTY;
    }

    static long bit(int id) {
        return 1L << id;
    }

    private static long mask(int... ids) {
        long mask = 0;
        for (int id : ids) {
            mask |= bit(id);
        }
        return mask;
    }
}
