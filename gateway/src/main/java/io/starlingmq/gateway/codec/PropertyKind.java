package io.starlingmq.gateway.codec;

/** The data types an MQTT 5 property value can have (5.0 §1.5, §2.2.2.2). */
enum PropertyKind {
    BYTE, TWO_BYTE_INTEGER, FOUR_BYTE_INTEGER, VARIABLE_BYTE_INTEGER, UTF8_STRING, BINARY_DATA, UTF8_STRING_PAIR
}
