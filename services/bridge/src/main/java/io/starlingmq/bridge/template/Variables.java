package io.starlingmq.bridge.template;

import java.nio.charset.StandardCharsets;

/** What a template's variables stand for in one message or record. */
public interface Variables {

    /**
     * The text of variable {@code root} (with {@code path} after its dot, or empty).
     *
     * @throws TemplateException when this message has no such value (a missing JSON field, say)
     */
    String text(String root, String path);

    /** The bytes of a variable that makes up a whole template; the text in UTF-8 unless the value is binary. */
    default byte[] bytes(String root, String path) {
        return text(root, path).getBytes(StandardCharsets.UTF_8);
    }
}
