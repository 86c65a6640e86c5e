package io.starlingmq.bench.brokers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Ready is not warm: the first {@code /v1/authn} calls build the authenticator chain and the database
 * pool and run cold code, slower than the gateway's 2 s answer time. A few calls before any device
 * connects keep that cost out of every measurement.
 */
final class AuthServiceWarmUp {

    private static final int CALLS = 50;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private AuthServiceWarmUp() {
    }

    static void run(int port, DeviceTokenSigner tokens) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/v1/authn");
        for (int i = 0; i < CALLS; i++) {
            String clientId = "bench-warm-up-" + i;
            String body = "{\"clientId\":\"" + clientId + "\",\"username\":\"" + clientId + "\",\"password\":\""
                    + tokens.tokenFor(clientId) + "\"}";
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200 || !answer.body().contains("\"allow\"")) {
                throw new IllegalStateException("the auth service refused a bench token (HTTP " + answer.statusCode() + "): "
                        + answer.body());
            }
        }
    }
}
