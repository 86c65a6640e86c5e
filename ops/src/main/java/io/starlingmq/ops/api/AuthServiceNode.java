package io.starlingmq.ops.api;

import io.starlingmq.ops.config.OpsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** The auth service as a node of {@code /api/v5/nodes}, when ops knows its URL: running while it is ready. */
@ApplicationScoped
public class AuthServiceNode {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Inject
    OpsConfig config;

    Optional<Node> node() {
        return config.authService().url().map(url -> new Node(url, "auth_service", ready(url) ? "running" : "unreachable",
                null, null, null, null, null, null));
    }

    private boolean ready(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + "/q/health/ready"))
                    .timeout(TIMEOUT).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
