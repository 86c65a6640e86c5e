package io.starlingmq.systemtests.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Changes a client of the test Keycloak's realm through its admin API, as an operator registers where a
 * deployment's dashboard runs: the realm export knows only {@code ./starling up}'s address, and the tests'
 * ops listens on a free port.
 */
public final class KeycloakClientSettings {

    /** The bootstrap administrator the auth service's test support starts Keycloak with. */
    private static final String ADMIN = "bootstrap-admin";

    private static final ObjectMapper JSON = new ObjectMapper();

    private KeycloakClientSettings() {
    }

    /** Lets {@code clientId} of {@code realm} send users back to {@code origin + "/"} and be called from {@code origin}. */
    public static void allowDashboard(String keycloakUrl, String realm, String clientId, String origin)
            throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String form = "grant_type=password&client_id=admin-cli&username=" + ADMIN + "&password=" + ADMIN;
            JsonNode token = send(http, HttpRequest.newBuilder(URI.create(keycloakUrl
                            + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            String bearer = "Bearer " + token.path("access_token").asText();
            String clients = keycloakUrl + "/admin/realms/" + realm + "/clients";
            JsonNode found = send(http, HttpRequest.newBuilder(URI.create(clients + "?clientId="
                    + URLEncoder.encode(clientId, StandardCharsets.UTF_8))).header("Authorization", bearer).GET());
            if (found.size() != 1) {
                throw new IOException("realm " + realm + " has no single client " + clientId + ": " + found);
            }
            ObjectNode client = (ObjectNode) found.get(0);
            client.withArray("redirectUris").add(origin + "/");
            client.withArray("webOrigins").add(origin);
            send(http, HttpRequest.newBuilder(URI.create(clients + "/" + client.path("id").asText()))
                    .header("Authorization", bearer).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))));
        }
    }

    private static JsonNode send(HttpClient http, HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(request.build().method() + " " + request.build().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }
}
