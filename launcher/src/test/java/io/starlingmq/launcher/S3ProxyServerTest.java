package io.starlingmq.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Starts the real S3Proxy (local-servers' jar) once for the class; AWS SDK v2 signs with SigV4, path-style. */
class S3ProxyServerTest {

    @TempDir
    static Path dir;
    private static S3ProxyServer s3;

    @BeforeAll
    static void start() throws Exception {
        s3 = S3ProxyServer.start(new SuiteLayout(Path.of("..")).s3ProxyJar(), FreePort.find(), dir.resolve("s3"),
                "test-identity", "test-credential", dir.resolve("s3proxy.log"), ProcessSession.SHARED);
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void aSignedPutIsReadBackAndLandsInItsFolder() {
        try (S3Client client = client(s3.identity(), s3.credential())) {
            client.createBucket(b -> b.bucket("archive"));
            client.putObject(b -> b.bucket("archive").key("a/b.txt"), RequestBody.fromString("hello"));

            assertThat(client.getObjectAsBytes(b -> b.bucket("archive").key("a/b.txt")).asUtf8String())
                    .isEqualTo("hello");
        }
        assertThat(dir.resolve("s3/buckets/archive/a/b.txt")).hasContent("hello");
    }

    @Test
    void aWrongSecretOrNoSignatureIsRefused() throws Exception {
        try (S3Client client = client(s3.identity(), "not-the-credential")) {
            assertThatThrownBy(client::listBuckets).isInstanceOfSatisfying(S3Exception.class,
                    e -> assertThat(e.statusCode()).isEqualTo(403));
        }
        HttpResponse<Void> anonymous = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(s3.endpoint() + "/")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(anonymous.statusCode()).isEqualTo(403);
    }

    private static S3Client client(String identity, String credential) {
        return S3Client.builder()
                .endpointOverride(URI.create(s3.endpoint()))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(identity, credential)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
