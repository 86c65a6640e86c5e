package io.starlingmq.systemtests.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server (the JDK's) as the bridge's webhook: it answers 200 and records each message's payload
 * from the JSON envelope, or, while {@link #refuseWith503} is on, answers 503 and records nothing; a message
 * of a publisher it {@link #rejects} is answered 400 {@code unknown device <clientid>}. It also
 * keeps every accepted envelope and notes each one whose {@code X-Publisher} header (the rule's
 * {@code ${clientid}} template) differs from the envelope's {@code clientid}.
 */
final class RecordingWebhook implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Deliveries deliveries = new Deliveries();
    private final List<JsonNode> envelopes = new CopyOnWriteArrayList<>();
    private final List<String> publisherMismatches = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final Set<String> rejected = ConcurrentHashMap.newKeySet();
    private volatile boolean refusing;

    RecordingWebhook() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/hook", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void refuseWith503(boolean on) {
        refusing = on;
    }

    /** Messages of this publisher are answered 400 from now on. */
    void rejects(String publisher) {
        rejected.add(publisher);
    }

    int refused() {
        return refused.get();
    }

    Deliveries deliveries() {
        return deliveries;
    }

    List<JsonNode> envelopes() {
        return envelopes;
    }

    List<String> publisherMismatches() {
        return publisherMismatches;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (refusing) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            JsonNode envelope = JSON.readTree(body);
            String clientId = envelope.path("clientid").asText();
            if (rejected.contains(clientId)) {
                byte[] answer = ("unknown device " + clientId).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(400, answer.length);
                exchange.getResponseBody().write(answer);
                return;
            }
            String header = exchange.getRequestHeaders().getFirst("X-Publisher");
            if (!clientId.equals(header)) {
                publisherMismatches.add("clientid " + clientId + ", X-Publisher " + header);
            }
            envelopes.add(envelope);
            deliveries.add(envelope.path("payload").asText());
            exchange.sendResponseHeaders(200, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
