package io.starlingmq.auth.jwt;

import io.starlingmq.auth.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Fetches discovery and JWKS documents with a timeout and a size bound. Blocking. */
@ApplicationScoped
public class DocumentFetcher {

    private final HttpClient client;
    private final AuthConfig.Jwt config;

    public DocumentFetcher(AuthConfig config) {
        this.config = config.jwt();
        this.client = HttpClient.newBuilder()
                .connectTimeout(this.config.httpTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public String fetch(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.httpTimeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException(uri + " answered HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(config.maxDocumentBytes() + 1);
                if (bytes.length > config.maxDocumentBytes()) {
                    throw new IOException(uri + " is larger than " + config.maxDocumentBytes() + " bytes");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + uri, e);
        }
    }
}
