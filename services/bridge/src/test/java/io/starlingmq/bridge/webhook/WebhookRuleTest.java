package io.starlingmq.bridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.starlingmq.bridge.rule.RuleDefinitionException;
import io.starlingmq.bridge.rule.RuleProperties;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookRuleTest {

    private static WebhookRule rule(String... keysAndValues) {
        Map<String, String> values = new HashMap<>(Map.of("kind", "mqtt-to-webhook", "filter", "devices/#",
                "url", "https://hooks.example.com/in"));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return WebhookRule.from(new RuleProperties("hook", values));
    }

    @Test
    void defaultsPostTheJsonEnvelopeSixteenAtATimeWithThreeRetries() {
        WebhookRule rule = rule();
        assertThat(rule.url()).isEqualTo(URI.create("https://hooks.example.com/in"));
        assertThat(rule.filter()).isEqualTo("devices/#");
        assertThat(rule.qos()).isEqualTo(1);
        assertThat(rule.sharedGroup()).isEqualTo("starling-bridge-hook");
        assertThat(rule.body()).isEmpty();
        assertThat(rule.contentType()).isEqualTo("application/json");
        assertThat(rule.headers()).isEmpty();
        assertThat(rule.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(rule.maxInFlight()).isEqualTo(16);
        assertThat(rule.retries()).isEqualTo(3);
        assertThat(rule.retryDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(rule.retryMaxDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(rule.deadLetterTopic()).isEqualTo("starling/bridge/dead-letter/hook");
    }

    @Test
    void everyKeyIsRead() {
        WebhookRule rule = rule("qos", "2", "shared-group", "hooks", "url", "http://127.0.0.1:8080/x?y=1",
                "body", "${payload}", "content-type", "text/plain", "headers.X-Device", "${clientid}",
                "headers.Authorization", "Bearer t", "timeout", "2s", "max-in-flight", "4", "retries", "0",
                "retry-delay", "100ms", "retry-max-delay", "1s", "dead-letter-topic", "dlq/hook", "enabled", "true");
        assertThat(rule.qos()).isEqualTo(2);
        assertThat(rule.sharedGroup()).isEqualTo("hooks");
        assertThat(rule.url()).isEqualTo(URI.create("http://127.0.0.1:8080/x?y=1"));
        assertThat(rule.body()).hasValueSatisfying(body -> assertThat(body.source()).isEqualTo("${payload}"));
        assertThat(rule.contentType()).isEqualTo("text/plain");
        assertThat(rule.headers()).containsOnlyKeys("X-Device", "Authorization");
        assertThat(rule.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(rule.maxInFlight()).isEqualTo(4);
        assertThat(rule.retries()).isZero();
        assertThat(rule.retryDelay()).isEqualTo(Duration.ofMillis(100));
        assertThat(rule.retryMaxDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(rule.deadLetterTopic()).isEqualTo("dlq/hook");
    }

    @Test
    void aMissingOrWrongUrlIsNamed() {
        assertThatThrownBy(() -> WebhookRule.from(new RuleProperties("hook", Map.of("kind", "mqtt-to-webhook",
                "filter", "a/#")))).isInstanceOf(RuleDefinitionException.class)
                .hasMessage("bridge rule 'hook', url: is required");
        assertThatThrownBy(() -> rule("url", "ftp://files.example.com/"))
                .hasMessage("bridge rule 'hook', url: must be an http:// or https:// URL with a host, was "
                        + "ftp://files.example.com/");
        assertThatThrownBy(() -> rule("url", "/relative")).hasMessageContaining("url: must be an http:// or https://");
        assertThatThrownBy(() -> rule("url", "http://exa mple.com/")).hasMessageStartingWith(
                "bridge rule 'hook', url: is not a URL");
        assertThatThrownBy(() -> rule("url", "https://user:secret@example.com/"))
                .hasMessage("bridge rule 'hook', url: must not hold credentials; send them with headers.Authorization");
    }

    @Test
    void aContentTypeWithoutABodyIsRefused() {
        assertThatThrownBy(() -> rule("content-type", "text/plain"))
                .hasMessage("bridge rule 'hook', content-type: applies to a body template only; without body the "
                        + "request is the JSON envelope, application/json");
    }

    @Test
    void headersTheClientOwnsOrThatAreMalformedAreRefused() {
        assertThatThrownBy(() -> rule("headers.Host", "x"))
                .hasMessage("bridge rule 'hook', headers.Host: the HTTP client sets Host itself");
        assertThatThrownBy(() -> rule("headers.content-length", "1"))
                .hasMessage("bridge rule 'hook', headers.content-length: the HTTP client sets content-length itself");
        assertThatThrownBy(() -> rule("headers.Content-Type", "text/plain"))
                .hasMessage("bridge rule 'hook', headers.Content-Type: set the content type with the content-type "
                        + "key (with a body template)");
        assertThatThrownBy(() -> rule("headers.bad header", "x"))
                .hasMessage("bridge rule 'hook', headers.bad header: 'bad header' is not a valid HTTP header name");
    }

    @Test
    void templatesAreCheckedWhenTheRuleIsRead() {
        assertThatThrownBy(() -> rule("body", "${device}"))
                .hasMessageStartingWith("bridge rule 'hook', body: unknown variable ${device}");
        assertThatThrownBy(() -> rule("headers.X-Site", "${payload.}"))
                .hasMessageStartingWith("bridge rule 'hook', headers.X-Site: ${payload.}");
    }

    @Test
    void numbersAndDurationsOutOfRangeAreNamed() {
        assertThatThrownBy(() -> rule("qos", "0")).hasMessage("bridge rule 'hook', qos: must be from 1 to 2, was 0");
        assertThatThrownBy(() -> rule("max-in-flight", "0"))
                .hasMessage("bridge rule 'hook', max-in-flight: must be from 1 to 1024, was 0");
        assertThatThrownBy(() -> rule("retries", "many"))
                .hasMessage("bridge rule 'hook', retries: is not a number: many");
        assertThatThrownBy(() -> rule("timeout", "soon"))
                .hasMessage("bridge rule 'hook', timeout: is not a duration (e.g. 500ms, 5s, 2m, PT5S): soon");
        assertThatThrownBy(() -> rule("retry-delay", "2s", "retry-max-delay", "1s"))
                .hasMessage("bridge rule 'hook', retry-max-delay: must not be shorter than retry-delay (PT2S), was PT1S");
    }

    @Test
    void aMisspelledKeyIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> rule("max_in_flight", "4"))
                .hasMessage("bridge rule 'hook', max_in_flight: is not a setting of a mqtt-to-webhook rule");
    }
}
