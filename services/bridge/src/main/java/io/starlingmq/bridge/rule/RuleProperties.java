package io.starlingmq.bridge.rule;

import io.starlingmq.bridge.template.Template;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rule's raw settings ({@code starling.bridge.rules.<name>.<key>}), read with the checks every kind
 * shares: a missing or malformed value, or a key the kind does not know, names the rule and the key.
 */
public final class RuleProperties {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,12})(ms|s|m|h|d|)");

    private final String name;
    private final Map<String, String> values;
    private final Set<String> read = new HashSet<>();

    public RuleProperties(String name, Map<String, String> values) {
        this.name = name;
        this.values = new TreeMap<>(values);
    }

    public String name() {
        return name;
    }

    public RuleKind kind() {
        String kind = required("kind");
        try {
            return RuleKind.fromWireName(kind);
        } catch (IllegalArgumentException e) {
            throw new RuleDefinitionException(name, "kind", e.getMessage());
        }
    }

    public boolean enabled() {
        return bool("enabled", true);
    }

    public String required(String key) {
        read.add(key);
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new RuleDefinitionException(name, key, "is required");
        }
        return value.trim();
    }

    public Optional<String> optional(String key) {
        read.add(key);
        String value = values.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String optional(String key, String fallback) {
        return optional(key).orElse(fallback);
    }

    public int integer(String key, int fallback, int min, int max) {
        return (int) longValue(key, fallback, min, max);
    }

    public long longValue(String key, long fallback, long min, long max) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.get());
            if (number < min || number > max) {
                throw new RuleDefinitionException(name, key, "must be from " + min + " to " + max + ", was " + number);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new RuleDefinitionException(name, key, "is not a number: " + value.get());
        }
    }

    /**
     * A positive duration: a number of seconds ({@code 5}), a number with a unit ({@code 500ms}, {@code 5s},
     * {@code 2m}, {@code 1h}, {@code 1d}) or ISO-8601 ({@code PT5S}), as the bridge's own settings take them.
     */
    public Duration duration(String key, Duration fallback) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        Duration duration = parseDuration(value.get());
        if (duration == null) {
            throw new RuleDefinitionException(name, key, "is not a duration (e.g. 500ms, 5s, 2m, PT5S): "
                    + value.get());
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new RuleDefinitionException(name, key, "must be longer than zero, was " + value.get());
        }
        return duration;
    }

    private static Duration parseDuration(String text) {
        Matcher matcher = DURATION.matcher(text);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "", "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public boolean bool(String key, boolean fallback) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.get()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new RuleDefinitionException(name, key, "must be true or false, was " + value.get());
        };
    }

    /** A comma-separated list, at least one entry. */
    public List<String> list(String key) {
        List<String> entries = Arrays.stream(required(key).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
        if (entries.isEmpty()) {
            throw new RuleDefinitionException(name, key, "is empty");
        }
        return entries;
    }

    public Template template(String key, String fallback, Set<String> roots, Set<String> pathRoots) {
        String source = optional(key).orElse(fallback);
        if (source == null) {
            throw new RuleDefinitionException(name, key, "is required");
        }
        return parse(key, source, roots, pathRoots);
    }

    public Optional<Template> optionalTemplate(String key, Set<String> roots, Set<String> pathRoots) {
        return optional(key).map(source -> parse(key, source, roots, pathRoots));
    }

    /** The templates under {@code prefix.} (headers.x, user-properties.y), by the name after the prefix. */
    public Map<String, Template> templates(String prefix, Set<String> roots, Set<String> pathRoots) {
        Map<String, Template> templates = new LinkedHashMap<>();
        values.forEach((key, source) -> {
            if (key.startsWith(prefix + ".") && key.length() > prefix.length() + 1) {
                read.add(key);
                templates.put(key.substring(prefix.length() + 1), parse(key, source, roots, pathRoots));
            }
        });
        return templates;
    }

    /** Every value under {@code prefix.}, by the name after the prefix (extra client settings). */
    public Map<String, String> section(String prefix) {
        Map<String, String> section = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix + ".") && key.length() > prefix.length() + 1) {
                read.add(key);
                section.put(key.substring(prefix.length() + 1), value.trim());
            }
        });
        return section;
    }

    /** Fails on a key nothing has read: a typo must not silently fall back to a default. */
    public void rejectUnknownKeys() {
        read.add("kind");
        read.add("enabled");
        for (String key : values.keySet()) {
            if (!read.contains(key)) {
                throw new RuleDefinitionException(name, key, "is not a setting of a " + values.get("kind")
                        + " rule");
            }
        }
    }

    private Template parse(String key, String source, Set<String> roots, Set<String> pathRoots) {
        try {
            return Template.parse(source, roots, pathRoots);
        } catch (IllegalArgumentException e) {
            throw new RuleDefinitionException(name, key, e.getMessage());
        }
    }
}
