package io.starlingmq.bridge.webhook;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server (the JDK's) standing in for a webhook: it answers each request with the next scripted
 * answer (200 once the script is used up), records what it received, and can hold requests to show how many
 * run at once.
 */
final class ScriptedWebhook implements AutoCloseable {

    record Received(String method, Headers headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    record Answer(int status, String body, String retryAfter, long delayMillis) {
        static Answer of(int status) {
            return new Answer(status, "", null, 0);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private volatile CountDownLatch hold = new CountDownLatch(0);

    ScriptedWebhook() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/hook", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    void answer(Answer... answers) {
        script.addAll(List.of(answers));
    }

    /** Requests wait until {@link #release()}. */
    void holdRequests() {
        hold = new CountDownLatch(1);
    }

    void release() {
        hold.countDown();
    }

    List<Received> received() {
        return received;
    }

    int peakConcurrency() {
        return peak.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = running.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestHeaders(), body));
            hold.await(10, TimeUnit.SECONDS);
            Answer answer = script.poll();
            if (answer == null) {
                answer = Answer.of(200);
            }
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            byte[] answerBody = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), answerBody.length == 0 ? -1 : answerBody.length);
            if (answerBody.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answerBody);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.decrementAndGet();
        }
    }

    @Override
    public void close() {
        hold.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
