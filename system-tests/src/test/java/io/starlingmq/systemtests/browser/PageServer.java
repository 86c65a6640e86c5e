package io.starlingmq.systemtests.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the exchange page and MQTT.js to the browser on 127.0.0.1 and collects what the page POSTs to
 * {@code /events}.
 */
public final class PageServer implements AutoCloseable {

    /** An event is a few small fields; anything bigger is refused rather than buffered. */
    private static final int MAX_EVENT_BYTES = 16 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final BrowserEvents events = new BrowserEvents();

    private PageServer(HttpServer server) {
        this.server = server;
    }

    public static PageServer start(BrowserPage page) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        PageServer pageServer = new PageServer(http);
        Map<String, Path> files = Map.of(
                "/exchange.html", page.html(), "/exchange.js", page.script(), "/mqtt.min.js", page.mqttBundle());
        http.createContext("/", exchange -> pageServer.serveFile(exchange, files));
        http.createContext("/events", pageServer::receiveEvent);
        http.setExecutor(pageServer.executor);
        http.start();
        return pageServer;
    }

    /** The page's address, with the query string the page reads its parameters from. */
    public String pageUrl(String query) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/exchange.html?" + query;
    }

    public BrowserEvents events() {
        return events;
    }

    private void serveFile(HttpExchange exchange, Map<String, Path> files) throws IOException {
        try (exchange) {
            Path file = files.get(exchange.getRequestURI().getPath());
            if (file == null || !"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            String type = file.toString().endsWith(".html") ? "text/html" : "text/javascript";
            exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void receiveEvent(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_EVENT_BYTES + 1);
            }
            if (body.length > MAX_EVENT_BYTES) {
                exchange.sendResponseHeaders(413, -1);
                return;
            }
            JsonNode event;
            try {
                event = JSON.readTree(body);
            } catch (IOException notJson) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            exchange.sendResponseHeaders(events.offer(event) ? 204 : 503, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
