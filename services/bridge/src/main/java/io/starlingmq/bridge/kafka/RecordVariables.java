package io.starlingmq.bridge.kafka;

import io.starlingmq.bridge.template.JsonFields;
import io.starlingmq.bridge.template.TemplateException;
import io.starlingmq.bridge.template.Variables;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The template variables of a Kafka record: {@code topic}, {@code key}, {@code value} (bytes; as text,
 * UTF-8), {@code partition}, {@code offset}, {@code timestamp}, {@code value.<path>} (a JSON field) and
 * {@code headers.<name>} (the last header of that name).
 */
public final class RecordVariables implements Variables {

    public static final Set<String> ROOTS = Set.of("topic", "key", "value", "partition", "offset", "timestamp");
    public static final Set<String> PATH_ROOTS = Set.of("value", "headers");

    private final ConsumerRecord<byte[], byte[]> record;
    private final JsonFields json;

    public RecordVariables(ConsumerRecord<byte[], byte[]> record) {
        this.record = record;
        this.json = new JsonFields(record.value() == null ? new byte[0] : record.value(), "value");
    }

    @Override
    public String text(String root, String path) {
        if (!path.isEmpty()) {
            return switch (root) {
                case "value" -> json.field(path);
                case "headers" -> {
                    Header header = record.headers().lastHeader(path);
                    if (header == null || header.value() == null) {
                        throw new TemplateException("the record has no header " + path);
                    }
                    yield new String(header.value(), StandardCharsets.UTF_8);
                }
                default -> throw new TemplateException("${" + root + "} takes no path");
            };
        }
        return switch (root) {
            case "topic" -> record.topic();
            case "key" -> {
                if (record.key() == null) {
                    throw new TemplateException("the record has no key");
                }
                yield new String(record.key(), StandardCharsets.UTF_8);
            }
            case "value" -> record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
            case "partition" -> Integer.toString(record.partition());
            case "offset" -> Long.toString(record.offset());
            case "timestamp" -> Long.toString(record.timestamp());
            default -> throw new TemplateException("unknown variable ${" + root + "}");
        };
    }

    @Override
    public byte[] bytes(String root, String path) {
        if (root.equals("value") && path.isEmpty()) {
            return record.value() == null ? new byte[0] : record.value();
        }
        if (root.equals("key") && path.isEmpty() && record.key() != null) {
            return record.key();
        }
        return Variables.super.bytes(root, path);
    }
}
