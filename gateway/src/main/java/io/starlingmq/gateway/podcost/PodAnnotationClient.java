package io.starlingmq.gateway.podcost;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Sets one annotation on one pod with a JSON merge patch, authenticated by the pod's service account
 * token, over TLS verified against the cluster's CA. The one call the gateway makes to the Kubernetes API.
 */
public final class PodAnnotationClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http;
    private final URI pod;
    private final Path tokenFile;

    public PodAnnotationClient(URI apiServer, String namespace, String podName, Path tokenFile, Path caFile)
            throws IOException, GeneralSecurityException {
        this.http = HttpClient.newBuilder().sslContext(trusting(caFile)).connectTimeout(TIMEOUT).build();
        this.pod = apiServer.resolve("/api/v1/namespaces/" + namespace + "/pods/" + podName);
        this.tokenFile = tokenFile;
    }

    /** Sets the annotation; fails with the API server's status and answer when it refuses. */
    public void annotate(String key, String value) throws IOException, InterruptedException {
        String patch = "{\"metadata\":{\"annotations\":{\"" + key + "\":\"" + value + "\"}}}";
        HttpRequest request = HttpRequest.newBuilder(pod).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + Files.readString(tokenFile).trim())
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(patch))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("PATCH " + pod.getPath() + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static SSLContext trusting(Path caFile) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("ca-" + i++, certificate);
            }
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
