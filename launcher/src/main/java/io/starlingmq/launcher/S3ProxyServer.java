package io.starlingmq.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * S3Proxy (the module local-servers' jar) serving the S3 API on 127.0.0.1 over a folder (jclouds'
 * filesystem provider: a bucket is a folder), with AWS signatures (V2 or V4) checked against one
 * identity and credential. Ready once its port answers HTTP at all: without a signature it refuses.
 */
public final class S3ProxyServer implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> JVM_FLAGS = List.of("-Xms32m", "-Xmx256m", "-Djava.awt.headless=true");

    private final ManagedProcess process;
    private final int port;
    private final String identity;
    private final String credential;

    private S3ProxyServer(ManagedProcess process, int port, String identity, String credential) {
        this.process = process;
        this.port = port;
        this.identity = identity;
        this.credential = credential;
    }

    /**
     * Starts it with its buckets and properties in {@code dir}, its output in {@code log}; waits until it answers.
     *
     * @param jar {@link SuiteLayout#s3ProxyJar()}
     * @param identity the access key id clients sign with
     * @param credential the secret access key
     */
    public static S3ProxyServer start(Path jar, int port, Path dir, String identity, String credential, Path log,
                                      ProcessSession session) throws IOException, InterruptedException {
        Path buckets = dir.toAbsolutePath().resolve("buckets");
        Files.createDirectories(buckets);
        Path properties = dir.toAbsolutePath().resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=" + endpoint(port),
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + identity,
                "s3proxy.credential=" + credential,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + buckets,
                ""));
        List<String> command = new ArrayList<>(List.of(JavaService.currentJava().toString()));
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-jar", jar.toString(), "--properties", properties.toString()));
        ManagedProcess process = ManagedProcess.start("s3proxy", command, Map.of(), log, session);
        process.awaitReady(Readiness.httpAnswers(endpoint(port) + "/"), READY_TIMEOUT);
        return new S3ProxyServer(process, port, identity, credential);
    }

    /** {@code http://127.0.0.1:<port>}: clients address buckets by path ({@code /bucket/key}). */
    public String endpoint() {
        return endpoint(port);
    }

    public int port() {
        return port;
    }

    public String identity() {
        return identity;
    }

    public String credential() {
        return credential;
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }

    private static String endpoint(int port) {
        return "http://127.0.0.1:" + port;
    }
}
