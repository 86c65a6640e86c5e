package io.starlingmq.bridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.starlingmq.bridge.metrics.RuleMeters;
import io.starlingmq.bridge.mqtt.InboundMessage;
import io.starlingmq.bridge.mqtt.PoisonMessageException;
import io.starlingmq.bridge.rule.RuleProperties;
import io.starlingmq.bridge.webhook.ScriptedWebhook.Answer;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook sink against a real local HTTP server: what each answer makes of a message. */
class WebhookSinkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScriptedWebhook webhook;
    private RuleMeters meters;
    private WebhookSink sink;

    @BeforeEach
    void startWebhook() throws Exception {
        webhook = new ScriptedWebhook();
        meters = new RuleMeters(new SimpleMeterRegistry(), "hook", "mqtt-to-webhook");
    }

    @AfterEach
    void stop() {
        if (sink != null) {
            sink.close();
        }
        webhook.close();
    }

    private WebhookSink sink(String... keysAndValues) {
        Map<String, String> values = new HashMap<>(Map.of("kind", "mqtt-to-webhook", "filter", "devices/#",
                "url", webhook.url().toString(), "retry-delay", "50ms", "timeout", "2s"));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        sink = new WebhookSink(WebhookRule.from(new RuleProperties("hook", values)), meters, 100);
        return sink;
    }

    private static InboundMessage message(String publisher, String payload) {
        return new InboundMessage("devices/" + publisher + "/temp", payload.getBytes(StandardCharsets.UTF_8), 1,
                false, publisher, Optional.of("application/json"),
                List.of(new SimpleImmutableEntry<>("unit", "C")), 1700L);
    }

    private void awaitReceived(int requests) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (webhook.received().size() < requests && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static void await(CompletionStage<Void> sent) throws Exception {
        sent.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static Throwable failureOf(CompletionStage<Void> sent) {
        ExecutionException failed = org.assertj.core.api.Assertions.catchThrowableOfType(ExecutionException.class,
                () -> sent.toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertThat(failed).as("the send failed").isNotNull();
        return failed.getCause();
    }

    @Test
    void aTwoHundredCompletesTheSendAfterOnePostOfTheJsonEnvelope() throws Exception {
        WebhookSink sink = sink("headers.X-Device", "${clientid}");
        await(sink.send(message("d1", "{\"v\":1}")));
        assertThat(webhook.received()).hasSize(1);
        ScriptedWebhook.Received request = webhook.received().getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(request.headers().getFirst("X-Device")).isEqualTo("d1");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("topic").textValue()).isEqualTo("devices/d1/temp");
        assertThat(body.get("payload").textValue()).isEqualTo("{\"v\":1}");
        assertThat(body.get("clientid").textValue()).isEqualTo("d1");
        assertThat(body.get("user_properties").get("unit").textValue()).isEqualTo("C");
        assertThat(sink.health().up()).isTrue();
    }

    @Test
    void aBodyTemplateIsPostedWithItsContentType() throws Exception {
        WebhookSink sink = sink("body", "${topic.1}=${payload.v}", "content-type", "text/plain; charset=utf-8");
        await(sink.send(message("d2", "{\"v\":7}")));
        ScriptedWebhook.Received request = webhook.received().getFirst();
        assertThat(request.text()).isEqualTo("d2=7");
        assertThat(request.headers().getFirst("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    }

    @Test
    void a503IsTriedAgainAndTheFollowing200CompletesTheSend() throws Exception {
        WebhookSink sink = sink();
        webhook.answer(Answer.of(503), new Answer(429, "", "0", 0));
        await(sink.send(message("d1", "x")));
        assertThat(webhook.received()).hasSize(3);
        assertThat(webhook.received()).extracting(ScriptedWebhook.Received::text).containsOnly(
                webhook.received().getFirst().text());
        assertThat(meters.count("failed")).isEqualTo(2);
        assertThat(sink.health().up()).isTrue();
    }

    @Test
    void a400MakesTheMessageADeadLetterNamingTheStatusAndTheAnswersFirstBytes() {
        WebhookSink sink = sink();
        webhook.answer(new Answer(400, "bad device " + "x".repeat(500), null, 0));
        Throwable failure = failureOf(sink.send(message("d1", "x")));
        assertThat(failure).isInstanceOf(PoisonMessageException.class)
                .hasMessage("the webhook answered 400: bad device " + "x".repeat(200 - "bad device ".length()));
        assertThat(webhook.received()).hasSize(1);
    }

    @Test
    void whenTheRetriesAreSpentTheSendFailsToBeSentAgainAndTheHealthSaysWhy() {
        WebhookSink sink = sink("retries", "2");
        webhook.answer(Answer.of(500), Answer.of(502), new Answer(503, "down for maintenance", null, 0));
        Throwable failure = failureOf(sink.send(message("d1", "x")));
        assertThat(failure).isInstanceOf(WebhookUnavailableException.class).isNotInstanceOf(
                PoisonMessageException.class).hasMessage("the webhook answered 503: down for maintenance");
        assertThat(webhook.received()).hasSize(3);
        assertThat(sink.health().up()).isFalse();
        assertThat(sink.health().detail()).isEqualTo("webhook: the webhook answered 503: down for maintenance");
    }

    @Test
    void aWebhookThatDoesNotAnswerInTimeIsAFailureToRetry() {
        WebhookSink sink = sink("retries", "0", "timeout", "300ms");
        webhook.answer(new Answer(200, "", null, 2_000));
        long start = System.nanoTime();
        Throwable failure = failureOf(sink.send(message("d1", "x")));
        assertThat(failure).isInstanceOf(WebhookUnavailableException.class)
                .hasMessage("no answer within 300 ms");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1_500);
    }

    @Test
    void aWebhookThatIsNotListeningIsAFailureToRetry() {
        WebhookSink sink = sink("retries", "1");
        webhook.close();
        Throwable failure = failureOf(sink.send(message("d1", "x")));
        assertThat(failure).isInstanceOf(WebhookUnavailableException.class)
                .hasMessageStartingWith("ConnectException");
        assertThat(meters.count("failed")).isEqualTo(1);
    }

    @Test
    void aHeaderTemplateTheMessageCannotFillMakesItADeadLetterWithoutARequest() {
        WebhookSink sink = sink("headers.X-Device", "${clientid}");
        Throwable failure = failureOf(sink.send(message("", "x")));
        assertThat(failure).isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("publisher's client id is not known");
        assertThat(webhook.received()).isEmpty();
    }

    @Test
    void noMoreThanMaxInFlightRequestsRunAtOnce() throws Exception {
        WebhookSink sink = sink("max-in-flight", "3");
        webhook.holdRequests();
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sends.add(sink.send(message("d" + i, "m" + i)).toCompletableFuture());
        }
        awaitReceived(3);
        Thread.sleep(300);
        assertThat(webhook.received()).as("requests started while three were held").hasSize(3);
        webhook.release();
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(webhook.received()).hasSize(10);
        assertThat(webhook.peakConcurrency()).isEqualTo(3);
    }

    @Test
    void messagesQueuedBehindOneWhoseRetriesAreSpentFailWithIt() throws Exception {
        WebhookSink sink = sink("max-in-flight", "1", "retries", "0");
        webhook.holdRequests();
        webhook.answer(Answer.of(503));
        CompletionStage<Void> first = sink.send(message("d1", "first"));
        CompletionStage<Void> second = sink.send(message("d1", "second"));
        awaitReceived(1);
        webhook.release();
        assertThat(failureOf(first)).isInstanceOf(WebhookUnavailableException.class);
        assertThat(failureOf(second)).isInstanceOf(WebhookUnavailableException.class)
                .hasMessage("an earlier message failed: the webhook answered 503");
        assertThat(webhook.received()).hasSize(1);
    }

    @Test
    void aClosedSinkTakesNoMoreMessages() {
        WebhookSink sink = sink();
        sink.close();
        assertThatThrownBy(() -> sink.send(message("d1", "x")).toCompletableFuture().get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("the rule is stopping");
        assertThat(webhook.received()).isEmpty();
    }
}
