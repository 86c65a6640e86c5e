package io.starlingmq.bridge.archive;

import io.starlingmq.bridge.mqtt.InboundMessage;
import io.starlingmq.bridge.mqtt.MessageVariables;
import io.starlingmq.bridge.template.Variables;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The variables of an archive key for one message: a message's own, plus {@code date} (yyyy-MM-dd) and
 * {@code hour} (HH) of when it was read, in UTC. {@code seq} stays a placeholder: messages whose keys agree
 * up to it share a batch, and the batch's number replaces it when the object is written.
 */
final class KeyVariables implements Variables {

    static final String SEQ_PLACEHOLDER = "\u0000seq\u0000";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH").withZone(ZoneOffset.UTC);

    private final InboundMessage message;
    private final MessageVariables variables;

    KeyVariables(InboundMessage message) {
        this.message = message;
        this.variables = new MessageVariables(message);
    }

    @Override
    public String text(String root, String path) {
        return switch (root) {
            case "date" -> DATE.format(Instant.ofEpochMilli(message.receivedAtMillis()));
            case "hour" -> HOUR.format(Instant.ofEpochMilli(message.receivedAtMillis()));
            case "seq" -> SEQ_PLACEHOLDER;
            default -> variables.text(root, path);
        };
    }
}
