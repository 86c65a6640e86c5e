package io.starlingmq.bridge.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * A field of a JSON payload by a dotted path ({@code device.id}, {@code readings.0.value}): a string field
 * gives its text, any other value its JSON. The payload is parsed at most once per message.
 */
public final class JsonFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] document;
    private final String what;
    private JsonNode root;

    /** {@code what} names the document in errors ("payload", "value"). */
    public JsonFields(byte[] document, String what) {
        this.document = document;
        this.what = what;
    }

    public String field(String path) {
        JsonNode node = root();
        for (String step : path.split("\\.")) {
            node = node.isArray() && isIndex(step) ? node.path(Integer.parseInt(step)) : node.path(step);
            if (node.isMissingNode()) {
                throw new TemplateException("the " + what + " has no JSON field " + path);
            }
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new TemplateException("the " + what + "'s field " + path + " cannot be written: " + e.getMessage());
        }
    }

    private JsonNode root() {
        if (root == null) {
            try {
                root = JSON.readTree(document);
            } catch (IOException e) {
                throw new TemplateException("the " + what + " is not JSON: " + firstLine(e.getMessage()));
            }
            if (root == null || root.isMissingNode()) {
                throw new TemplateException("the " + what + " is empty, not JSON");
            }
        }
        return root;
    }

    private static boolean isIndex(String step) {
        return !step.isEmpty() && step.chars().allMatch(Character::isDigit);
    }

    private static String firstLine(String message) {
        int newline = message == null ? -1 : message.indexOf('\n');
        return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
    }
}
