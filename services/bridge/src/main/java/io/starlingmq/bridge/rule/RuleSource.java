package io.starlingmq.bridge.rule;

import io.smallrye.config.ConfigValue;
import io.smallrye.config.Expressions;
import io.smallrye.config.SmallRyeConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the rules from configuration: every {@code starling.bridge.rules.<name>.<key>} property, by rule
 * name. Values are read raw, without SmallRye Config's own {@code ${...}} expansion, so templates are
 * written as they are meant ({@code key=${clientid}}).
 */
public final class RuleSource {

    public static final String PREFIX = "starling.bridge.rules.";

    private RuleSource() {
    }

    public static Map<String, RuleProperties> read(SmallRyeConfig config) {
        Map<String, Map<String, String>> byRule = new TreeMap<>();
        for (String property : config.getPropertyNames()) {
            if (!property.startsWith(PREFIX)) {
                continue;
            }
            String rest = property.substring(PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot <= 0 || dot == rest.length() - 1) {
                throw new RuleDefinitionException(rest, null, "a setting must be " + PREFIX + "<rule>.<key>, was "
                        + property);
            }
            ConfigValue value = Expressions.withoutExpansion(() -> config.getConfigValue(property));
            String raw = value.getRawValue() == null ? value.getValue() : value.getRawValue();
            byRule.computeIfAbsent(rest.substring(0, dot), name -> new LinkedHashMap<>())
                    .put(rest.substring(dot + 1), raw == null ? "" : raw);
        }
        Map<String, RuleProperties> rules = new LinkedHashMap<>();
        byRule.forEach((name, values) -> rules.put(name, new RuleProperties(name, values)));
        return rules;
    }
}
