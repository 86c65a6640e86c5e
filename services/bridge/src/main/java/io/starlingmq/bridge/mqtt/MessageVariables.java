package io.starlingmq.bridge.mqtt;

import io.starlingmq.bridge.template.JsonFields;
import io.starlingmq.bridge.template.TemplateException;
import io.starlingmq.bridge.template.Variables;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The template variables of an MQTT message: {@code topic}, {@code clientid} (the publisher), {@code payload}
 * (its bytes; as text, UTF-8), {@code qos}, {@code retain}, {@code timestamp} (epoch milliseconds the bridge
 * read it), {@code content_type}, {@code payload.<path>} (a JSON field), {@code user_property.<key>} and
 * {@code topic.<n>} (the n-th level of the topic, from 0).
 */
public final class MessageVariables implements Variables {

    public static final Set<String> ROOTS = Set.of("topic", "clientid", "payload", "qos", "retain", "timestamp",
            "content_type");
    public static final Set<String> PATH_ROOTS = Set.of("payload", "user_property", "topic");

    private final InboundMessage message;
    private final JsonFields json;

    public MessageVariables(InboundMessage message) {
        this.message = message;
        this.json = new JsonFields(message.payload(), "payload");
    }

    @Override
    public String text(String root, String path) {
        if (!path.isEmpty()) {
            return switch (root) {
                case "payload" -> json.field(path);
                case "user_property" -> message.userProperty(path).orElseThrow(
                        () -> new TemplateException("the message has no user property " + path));
                case "topic" -> topicLevel(path);
                default -> throw new TemplateException("${" + root + "} takes no path");
            };
        }
        return switch (root) {
            case "topic" -> message.topic();
            case "clientid" -> {
                if (message.publisher().isEmpty()) {
                    throw new TemplateException("the publisher's client id is not known (the gateway shows it only "
                            + "to client ids starting with its publisher-identity-prefix)");
                }
                yield message.publisher();
            }
            case "payload" -> new String(message.payload(), StandardCharsets.UTF_8);
            case "qos" -> Integer.toString(message.qos());
            case "retain" -> Boolean.toString(message.retain());
            case "timestamp" -> Long.toString(message.receivedAtMillis());
            case "content_type" -> message.contentType().orElse("");
            default -> throw new TemplateException("unknown variable ${" + root + "}");
        };
    }

    @Override
    public byte[] bytes(String root, String path) {
        return root.equals("payload") && path.isEmpty() ? message.payload() : Variables.super.bytes(root, path);
    }

    private String topicLevel(String path) {
        String[] levels = message.topic().split("/", -1);
        try {
            int index = Integer.parseInt(path);
            if (index >= 0 && index < levels.length) {
                return levels[index];
            }
        } catch (NumberFormatException e) {
            throw new TemplateException("${topic." + path + "}: a topic level is a number");
        }
        throw new TemplateException("the topic " + message.topic() + " has no level " + path);
    }
}
