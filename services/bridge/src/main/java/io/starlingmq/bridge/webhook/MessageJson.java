package io.starlingmq.bridge.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starlingmq.bridge.mqtt.InboundMessage;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON a webhook receives for a message when its rule has no body template:
 * {@code {"topic", "payload", "payload_encoding", "clientid", "qos", "retain", "user_properties",
 * "content_type", "timestamp"}}. The payload is its text when it is valid UTF-8 ({@code "utf8"}), otherwise
 * Base64 ({@code "base64"}), so a binary payload arrives intact. {@code clientid} is empty when the publisher
 * is not known; {@code content_type} is absent when the message has none; a user property whose key repeats
 * keeps its last value; {@code timestamp} is when the bridge read the message, in epoch milliseconds. The same
 * document as the archive rule's lines.
 */
final class MessageJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageJson() {
    }

    static byte[] of(InboundMessage message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("topic", message.topic());
        Optional<String> text = utf8(message.payload());
        body.put("payload", text.orElseGet(() -> Base64.getEncoder().encodeToString(message.payload())));
        body.put("payload_encoding", text.isPresent() ? "utf8" : "base64");
        body.put("clientid", message.publisher());
        body.put("qos", message.qos());
        body.put("retain", message.retain());
        ObjectNode properties = body.putObject("user_properties");
        for (Map.Entry<String, String> property : message.userProperties()) {
            properties.put(property.getKey(), property.getValue());
        }
        message.contentType().ifPresent(type -> body.put("content_type", type));
        body.put("timestamp", message.receivedAtMillis());
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always writes", e);
        }
    }

    private static Optional<String> utf8(byte[] payload) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
