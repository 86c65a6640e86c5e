package io.starlingmq.bridge.webhook;

import io.starlingmq.bridge.mqtt.MessageJson;
import io.starlingmq.bridge.mqtt.MessageVariables;
import io.starlingmq.bridge.mqtt.MqttDeadLetters;
import io.starlingmq.bridge.rule.RuleDefinitionException;
import io.starlingmq.bridge.rule.RuleProperties;
import io.starlingmq.bridge.template.Template;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An {@code mqtt-to-webhook} rule: every message of {@code filter} is POSTed to {@code url}, as the JSON
 * envelope of {@link MessageJson} or as the rendered {@code body} template, with the {@code headers.<name>}
 * templates as extra request headers. A request may take {@code timeout}; at most {@code max-in-flight} run
 * at once; a failure worth retrying is tried again {@code retries} times, {@code retry-delay} apart and
 * doubling up to {@code retry-max-delay}.
 */
public record WebhookRule(String name, String filter, int qos, String sharedGroup, URI url,
                          Optional<Template> body, String contentType, Map<String, Template> headers,
                          Duration timeout, int maxInFlight, int retries, Duration retryDelay,
                          Duration retryMaxDelay, String deadLetterTopic) {

    static final String JSON = "application/json";
    /** Headers the JDK's HTTP client sets itself and refuses from a caller. */
    private static final Set<String> CLIENT_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade");
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";

    public static WebhookRule from(RuleProperties properties) {
        var roots = MessageVariables.ROOTS;
        var paths = MessageVariables.PATH_ROOTS;
        String name = properties.name();
        Optional<Template> body = properties.optionalTemplate("body", roots, paths);
        Optional<String> contentType = properties.optional("content-type");
        if (contentType.isPresent() && body.isEmpty()) {
            throw new RuleDefinitionException(name, "content-type", "applies to a body template only; without "
                    + "body the request is the JSON envelope, " + JSON);
        }
        Map<String, Template> headers = properties.templates("headers", roots, paths);
        headers.keySet().forEach(header -> checkHeaderName(name, header));
        Duration retryDelay = properties.duration("retry-delay", Duration.ofMillis(500));
        Duration retryMaxDelay = properties.duration("retry-max-delay", Duration.ofSeconds(30));
        if (retryMaxDelay.compareTo(retryDelay) < 0) {
            throw new RuleDefinitionException(name, "retry-max-delay", "must not be shorter than retry-delay ("
                    + retryDelay + "), was " + retryMaxDelay);
        }
        WebhookRule rule = new WebhookRule(name,
                properties.required("filter"),
                properties.integer("qos", 1, 1, 2),
                properties.optional("shared-group", "starling-bridge-" + name),
                url(name, properties.required("url")),
                body,
                contentType.orElse(JSON),
                headers,
                properties.duration("timeout", Duration.ofSeconds(5)),
                properties.integer("max-in-flight", 16, 1, 1024),
                properties.integer("retries", 3, 0, 100),
                retryDelay,
                retryMaxDelay,
                properties.optional("dead-letter-topic", MqttDeadLetters.defaultTopic(name)));
        properties.rejectUnknownKeys();
        return rule;
    }

    private static URI url(String rule, String text) {
        try {
            URI url = new URI(text);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
                throw new RuleDefinitionException(rule, "url", "must be an http:// or https:// URL with a host, was "
                        + text);
            }
            if (url.getRawUserInfo() != null) {
                // The client would not send them, and the URL is shown in logs and the rules listing.
                throw new RuleDefinitionException(rule, "url", "must not hold credentials; send them with "
                        + "headers.Authorization");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new RuleDefinitionException(rule, "url", "is not a URL: " + e.getMessage());
        }
    }

    private static void checkHeaderName(String rule, String header) {
        String key = "headers." + header;
        if (!header.matches(TOKEN)) {
            throw new RuleDefinitionException(rule, key, "'" + header + "' is not a valid HTTP header name");
        }
        String lower = header.toLowerCase(Locale.ROOT);
        if (CLIENT_HEADERS.contains(lower)) {
            throw new RuleDefinitionException(rule, key, "the HTTP client sets " + header + " itself");
        }
        if (lower.equals("content-type")) {
            throw new RuleDefinitionException(rule, key, "set the content type with the content-type key "
                    + "(with a body template)");
        }
    }
}
