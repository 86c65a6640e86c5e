package io.starlingmq.auth.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An OIDC issuer the tests control: serves discovery and the JWKS read from {@code jwks.json} in
 * its directory at every request, so a test rotates keys by rewriting that file.
 */
final class TestIssuerServer {

    private TestIssuerServer() {
    }

    static Map<String, String> shared() {
        return JvmSingletons.get("test-issuer", TestIssuerServer::start);
    }

    private static Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("starling-test-issuer");
            Files.writeString(dir.resolve("jwks.json"), "{\"keys\":[]}");
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/issuer";
            server.createContext("/issuer/.well-known/openid-configuration", exchange -> send(exchange,
                    "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\"}"));
            server.createContext("/issuer/jwks", exchange -> send(exchange,
                    Files.readString(dir.resolve("jwks.json"))));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            return Map.of("issuer", issuer, "dir", dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
