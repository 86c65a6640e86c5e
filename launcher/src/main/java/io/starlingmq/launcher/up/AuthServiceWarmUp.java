package io.starlingmq.launcher.up;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Ready is not warm: the first {@code /v1/authn} calls build the authenticator chain, the database pool and
 * the JIT'd paths, and take longer than the gateway's 2 s answer time, so the first devices would be refused
 * "server unavailable". A token check and a password check beforehand take that cost.
 */
final class AuthServiceWarmUp {

    private static final String CLIENT_ID = "starling-up-warm-up";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private AuthServiceWarmUp() {
    }

    /** {@code token}: a device token to check first, or null when up has none to sign (Keycloak mode). */
    static void run(int port, String token) {
        URI url = URI.create("http://127.0.0.1:" + port + "/v1/authn");
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        if (!answers(http, url, token == null ? "not-a-jwt" : token) || !answers(http, url, "not-a-jwt")) {
            throw new UpFailure("the auth service does not answer " + url);
        }
    }

    private static boolean answers(HttpClient http, URI url, String password) {
        String body = "{\"clientId\":\"" + CLIENT_ID + "\",\"password\":\"" + password + "\"}";
        try {
            int status = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            return status >= 200 && status < 300;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
