package io.starlingmq.ops.bridges;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.starlingmq.ops.config.OpsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The rules every configured bridge runs, read from each bridge's {@code GET /api/v1/rules}, all bridges asked
 * at once. A bridge that does not answer is listed as one entry with status {@code unreachable}, so an
 * operator sees it rather than fewer rules.
 */
@ApplicationScoped
public class BridgeRules {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OpsConfig config;

    private final HttpClient http = HttpClient.newHttpClient();

    /** One rule of one bridge; {@code name}, {@code kind} and {@code route} are null for an unreachable bridge. */
    public record BridgeRule(String bridge, String name, String kind, String route, String status, String detail) {
    }

    public List<BridgeRule> all() {
        List<String> urls = config.bridges().urls().orElse(List.of());
        List<CompletableFuture<List<BridgeRule>>> answers = urls.stream().map(this::rulesOf).toList();
        List<BridgeRule> rules = new ArrayList<>();
        answers.forEach(answer -> rules.addAll(answer.join()));
        return rules;
    }

    private CompletableFuture<List<BridgeRule>> rulesOf(String url) {
        String base = url.replaceAll("/+$", "");
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(base + "/api/v1/rules")).timeout(config.bridges().timeout())
                    .GET().build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(List.of(unreachable(base, "not a URL: " + e.getMessage())));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> response.statusCode() == 200 ? parse(base, response.body())
                        : List.of(unreachable(base, "answered " + response.statusCode())))
                .exceptionally(failure -> List.of(unreachable(base, failure.getClass().getSimpleName())));
    }

    private static List<BridgeRule> parse(String bridge, String body) {
        try {
            List<BridgeRule> rules = new ArrayList<>();
            for (JsonNode rule : JSON.readTree(body)) {
                rules.add(new BridgeRule(bridge, rule.path("name").asText(), rule.path("kind").asText(),
                        rule.path("route").asText(), rule.path("status").asText(), rule.path("detail").asText()));
            }
            return rules;
        } catch (IOException e) {
            return List.of(unreachable(bridge, "answered something that is not a rules list"));
        }
    }

    private static BridgeRule unreachable(String bridge, String why) {
        return new BridgeRule(bridge, null, null, null, "unreachable", why);
    }
}
