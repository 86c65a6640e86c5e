package io.starlingmq.testing.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An MQTT 5 PUBLISH read from a raw socket, taken apart: topic, packet id, every property in the order
 * sent (property ids as in {@link PropertyBytes}; integers as Integer, Message Expiry as Long, User
 * Properties as "name=value"), payload.
 */
public record PublishView(String topic, int packetId, Map<Integer, List<Object>> properties, byte[] payload) {

    public static PublishView of(ReceivedPacket packet) {
        byte[] body = packet.body();
        int topicLength = packet.u16(0);
        String topic = new String(body, 2, topicLength, StandardCharsets.UTF_8);
        int at = 2 + topicLength;
        int packetId = 0;
        if (packet.qos() > 0) {
            packetId = packet.u16(at);
            at += 2;
        }
        int[] length = varInt(body, at);
        at = length[1];
        int end = at + length[0];
        Map<Integer, List<Object>> properties = new HashMap<>();
        while (at < end) {
            int id = body[at++] & 0xFF;
            Object value;
            switch (id) {
                case 0x01 -> value = body[at++] & 0xFF;
                case 0x23 -> {
                    value = packet.u16(at);
                    at += 2;
                }
                case 0x02 -> {
                    value = (long) packet.u16(at) << 16 | packet.u16(at + 2);
                    at += 4;
                }
                case 0x0B -> {
                    int[] identifier = varInt(body, at);
                    value = identifier[0];
                    at = identifier[1];
                }
                case 0x26 -> {
                    int keyLength = packet.u16(at);
                    int valueLength = packet.u16(at + 2 + keyLength);
                    value = new String(body, at + 2, keyLength, StandardCharsets.UTF_8) + "="
                            + new String(body, at + 4 + keyLength, valueLength, StandardCharsets.UTF_8);
                    at += 4 + keyLength + valueLength;
                }
                default -> {
                    // Strings and binary data (content type, response topic, correlation data).
                    int valueLength = packet.u16(at);
                    value = new String(body, at + 2, valueLength, StandardCharsets.UTF_8);
                    at += 2 + valueLength;
                }
            }
            properties.computeIfAbsent(id, key -> new ArrayList<>()).add(value);
        }
        byte[] payload = Arrays.copyOfRange(body, end, body.length);
        return new PublishView(topic, packetId, properties, payload);
    }

    public List<Object> property(int id) {
        return properties.getOrDefault(id, List.of());
    }

    /** value and the index after it */
    private static int[] varInt(byte[] body, int at) {
        int value = 0;
        int multiplier = 1;
        int digit;
        do {
            digit = body[at++] & 0xFF;
            value += (digit & 0x7F) * multiplier;
            multiplier *= 128;
        } while ((digit & 0x80) != 0);
        return new int[] {value, at};
    }
}
