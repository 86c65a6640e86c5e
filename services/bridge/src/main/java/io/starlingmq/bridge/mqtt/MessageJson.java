package io.starlingmq.bridge.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * A message as one JSON object, for destinations that take documents (archive lines, webhook bodies):
 * {@code topic}, {@code payload} with {@code payload_encoding} ({@code utf8} when the payload is valid UTF-8,
 * else {@code base64}), {@code clientid}, {@code qos}, {@code retain}, {@code user_properties},
 * {@code content_type} and {@code timestamp} (epoch milliseconds the bridge read it).
 */
public final class MessageJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageJson() {
    }

    public static ObjectNode of(InboundMessage message) {
        ObjectNode node = JSON.createObjectNode();
        node.put("topic", message.topic());
        String text = utf8(message.payload());
        if (text != null) {
            node.put("payload", text);
            node.put("payload_encoding", "utf8");
        } else {
            node.put("payload", Base64.getEncoder().encodeToString(message.payload()));
            node.put("payload_encoding", "base64");
        }
        node.put("clientid", message.publisher());
        node.put("qos", message.qos());
        node.put("retain", message.retain());
        ObjectNode properties = node.putObject("user_properties");
        for (Map.Entry<String, String> property : message.userProperties()) {
            properties.put(property.getKey(), property.getValue());
        }
        message.contentType().ifPresent(type -> node.put("content_type", type));
        node.put("timestamp", message.receivedAtMillis());
        return node;
    }

    public static byte[] bytes(InboundMessage message) {
        try {
            return JSON.writeValueAsBytes(of(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a message could not be written as JSON", e);
        }
    }

    private static String utf8(byte[] payload) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
