package io.starlingmq.systemtests.harness;

import io.starlingmq.launcher.S3ProxyServer;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** What a test needs of an S3 store with AWS SDK v2 (SigV4, path-style, the JDK's URL connection): buckets, objects. */
public final class S3Objects implements AutoCloseable {

    private final S3Client client;

    public S3Objects(S3ProxyServer s3) {
        this.client = S3Client.builder()
                .endpointOverride(URI.create(s3.endpoint()))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(s3.identity(), s3.credential())))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public void createBucket(String bucket) {
        client.createBucket(b -> b.bucket(bucket));
    }

    public void put(String bucket, String key, byte[] content) {
        client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content));
    }

    public byte[] read(String bucket, String key) {
        return client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    /** The keys under {@code prefix}, in S3's (lexicographic) order, every page of the listing. */
    public List<String> keys(String bucket, String prefix) {
        return client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
    }

    @Override
    public void close() {
        client.close();
    }
}
