package io.starlingmq.systemtests.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Device access tokens from the realm's {@code starling-devices} client, by password grant. */
public final class KeycloakDeviceTokens {

    /** Local-only secret of the realm's device client (k8s/base/keycloak/starling-realm.json). */
    private static final String CLIENT_SECRET = "starling-devices-local-secret";
    /** The password of the realm's device users dev-1 and dev-2. */
    public static final String DEVICE_PASSWORD = "starling-local-device";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI tokenEndpoint;

    public KeycloakDeviceTokens(String realmUrl) {
        this.tokenEndpoint = URI.create(realmUrl + "/protocol/openid-connect/token");
    }

    public String accessToken(String username) throws IOException, InterruptedException {
        String form = Map.of("grant_type", "password", "client_id", "starling-devices",
                        "client_secret", CLIENT_SECRET, "username", username, "password", DEVICE_PASSWORD)
                .entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("token request for " + username + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            return body.path("access_token").asText();
        }
    }
}
