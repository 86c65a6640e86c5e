package io.starlingmq.bridge.rule;

/** A rule's configuration is wrong: the bridge does not start, and says which rule and which key. */
public final class RuleDefinitionException extends RuntimeException {

    public RuleDefinitionException(String rule, String key, String problem) {
        super("bridge rule '" + rule + "'" + (key == null ? "" : ", " + key) + ": " + problem);
    }
}
