package io.starlingmq.bridge.webhook;

import io.starlingmq.bridge.metrics.RuleMeters;
import io.starlingmq.bridge.mqtt.InboundMessage;
import io.starlingmq.bridge.mqtt.MessageSink;
import io.starlingmq.bridge.mqtt.PoisonMessageException;
import io.starlingmq.bridge.rule.RuleHealth;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * POSTs an {@code mqtt-to-webhook} rule's messages, completing each once the webhook answered 2xx.
 *
 * <p>At most {@code max-in-flight} requests run at once (a message waiting for its retry keeps its place);
 * the others wait in a queue bounded by the MQTT in-flight window. Requests run concurrently, so a
 * webhook receives messages in no guaranteed order, not even one publisher's: per-publisher order is not
 * kept. With {@code max-in-flight=1} requests go one at a time in delivery order, apart from messages
 * Starling sends again after a failure.
 *
 * <p>Retries happen here, bounded, before the message fails: a webhook that answers 503 or times out for a
 * few seconds (a deploy, a rate limit) is waited for without dropping the MQTT connection, which would make
 * Starling send the whole in-flight window again, mostly to a webhook that already has it. Only when the
 * retries are spent does the message fail (so {@code MqttSource} reconnects and Starling sends the
 * unacknowledged messages again); the messages still queued behind it fail with it rather than each
 * spending its own retries on a webhook that is down.
 *
 * <p>The HTTP client is the JDK's {@link HttpClient}: asynchronous, HTTP/1.1 and HTTP/2, TLS with the JDK's
 * trust store, and no dependency (Quarkus's REST client is for typed interfaces; the Vert.x web client is not
 * on the bridge's classpath, only Vert.x core's lower-level one).
 */
public final class WebhookSink implements MessageSink {

    private static final Logger LOG = Logger.getLogger(WebhookSink.class);

    private final WebhookRule rule;
    private final WebhookRequests requests;
    private final RetryDelays delays;
    private final RuleMeters meters;
    private final HttpClient client;
    private final ArrayBlockingQueue<Pending> waiting;
    private final AtomicInteger running = new AtomicInteger();
    /** Why the last request failed, until one is answered 2xx; null while the webhook answers. */
    private volatile String problem;
    private volatile boolean closed;

    /** {@code window}: the most messages MQTT hands the rule before it acknowledges any (Receive Maximum). */
    public WebhookSink(WebhookRule rule, RuleMeters meters, int window) {
        this.rule = rule;
        this.requests = new WebhookRequests(rule);
        this.delays = new RetryDelays(rule.retryDelay(), rule.retryMaxDelay());
        this.meters = meters;
        this.client = HttpClient.newBuilder()
                .connectTimeout(rule.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.waiting = new ArrayBlockingQueue<>(window + rule.maxInFlight());
    }

    @Override
    public CompletionStage<Void> send(InboundMessage message) {
        Pending pending = new Pending(message, new CompletableFuture<>());
        if (closed) {
            pending.done().completeExceptionally(new IllegalStateException("the rule is stopping"));
        } else if (!waiting.offer(pending)) {
            pending.done().completeExceptionally(new IllegalStateException(
                    "more messages waiting than the in-flight window allows"));
        }
        dispatch();
        return pending.done();
    }

    /** Starts waiting messages while fewer than max-in-flight requests run. */
    private void dispatch() {
        while (true) {
            int now = running.get();
            if (now >= rule.maxInFlight() || waiting.isEmpty()) {
                return;
            }
            if (!running.compareAndSet(now, now + 1)) {
                continue;
            }
            Pending next = waiting.poll();
            if (next == null) {
                running.decrementAndGet();
                continue;
            }
            HttpRequest request;
            try {
                request = requests.build(next.message());
            } catch (PoisonMessageException e) {
                finish(next, e);
                continue;
            }
            attempt(next, request, 1);
        }
    }

    private void attempt(Pending pending, HttpRequest request, int attempt) {
        CompletableFuture<HttpResponse<byte[]>> exchange;
        try {
            exchange = client.sendAsync(request, answer -> new AnswerExcerpt());
        } catch (RuntimeException e) {
            // The client is shut down (the rule stopping) or refused the request outright.
            finish(pending, e);
            return;
        }
        // The request's own timeout ends the wait for the answer's headers; this one bounds the whole exchange.
        CompletableFuture.delayedExecutor(rule.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> exchange.cancel(true));
        exchange.whenComplete((response, failure) -> {
            if (failure != null) {
                retryOrFail(pending, request, attempt, describe(failure), Optional.empty());
                return;
            }
            int status = response.statusCode();
            switch (AnswerVerdict.of(status)) {
                case DELIVERED -> {
                    problem = null;
                    finish(pending, null);
                }
                case DEAD_LETTER -> finish(pending, new PoisonMessageException(answered(response)));
                case RETRY -> retryOrFail(pending, request, attempt, answered(response),
                        response.headers().firstValue("Retry-After"));
            }
        });
    }

    private void retryOrFail(Pending pending, HttpRequest request, int attempt, String reason,
                             Optional<String> retryAfter) {
        problem = reason;
        if (attempt <= rule.retries() && !closed) {
            meters.failed();
            Duration wait = delays.after(attempt, retryAfter);
            LOG.debugf("rule %s: %s; trying again in %d ms", rule.name(), reason, wait.toMillis());
            CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> attempt(pending, request, attempt + 1));
            return;
        }
        LOG.warnf("rule %s: %s (after %d attempts); Starling sends the message again", rule.name(), reason,
                attempt);
        // The queue first: finishing frees a place that the next waiting message would take.
        failWaiting("an earlier message failed: " + reason);
        finish(pending, new WebhookUnavailableException(reason));
    }

    private void finish(Pending pending, Throwable failure) {
        if (failure == null) {
            pending.done().complete(null);
        } else {
            pending.done().completeExceptionally(failure);
        }
        running.decrementAndGet();
        dispatch();
    }

    /** The messages behind a failed one are sent again after the reconnect that failure causes. */
    private void failWaiting(String reason) {
        Pending next;
        while ((next = waiting.poll()) != null) {
            next.done().completeExceptionally(new WebhookUnavailableException(reason));
        }
    }

    private static String answered(HttpResponse<byte[]> response) {
        String excerpt = new String(response.body(), StandardCharsets.UTF_8).strip();
        return "the webhook answered " + response.statusCode() + (excerpt.isEmpty() ? "" : ": " + excerpt);
    }

    private String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof CancellationException || cause instanceof HttpTimeoutException) {
            return "no answer within " + rule.timeout().toMillis() + " ms";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public RuleHealth health() {
        String now = problem;
        return now == null ? RuleHealth.up("webhook answers") : RuleHealth.down("webhook: " + now);
    }

    @Override
    public void close() {
        closed = true;
        failWaiting("the rule is stopping");
        client.shutdown();
        try {
            if (!client.awaitTermination(Duration.ofSeconds(5))) {
                client.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.shutdownNow();
        }
    }

    private record Pending(InboundMessage message, CompletableFuture<Void> done) {
    }
}
