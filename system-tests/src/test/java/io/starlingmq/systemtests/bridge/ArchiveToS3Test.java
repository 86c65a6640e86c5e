package io.starlingmq.systemtests.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.starlingmq.launcher.RunningPart;
import io.starlingmq.launcher.S3ProxyServer;
import io.starlingmq.systemtests.harness.S3Objects;
import io.starlingmq.systemtests.harness.SharedS3;
import io.starlingmq.systemtests.harness.StarlingSuite;
import io.starlingmq.testing.TestRedis;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages → bridge → objects in a real S3-compatible server (S3Proxy, SigV4), read back with the AWS SDK:
 * gzipped JSON Lines under {@code <topic>/<date>/<hour>/<seq>.jsonl.gz}, every acknowledged message in some
 * object, also across a bridge SIGKILL (what was not yet written comes again after the restart).
 */
class ArchiveToS3Test {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUCKET = "archive-test";

    private static StarlingSuite suite;
    private static S3ProxyServer s3;
    private static S3Objects objects;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServers() throws Exception {
        s3 = SharedS3.shared();
        objects = new S3Objects(s3);
        objects.createBucket(BUCKET);
        TestRedis redis = TestRedis.shared();
        redis.flushAll();
        suite = StarlingSuite.startOnRedis("ArchiveToS3Test", redis.uri(), "gw-a");
    }

    @AfterAll
    static void stopServers() {
        if (objects != null) {
            objects.close();
        }
        if (suite != null) {
            suite.close();
        }
    }

    private RunningPart startBridge(String process, String rule) throws IOException {
        Path rules = new BridgeRules().rule(rule, Map.of("kind", "mqtt-to-s3", "filter", "meters/" + rule + "/#",
                "bucket", BUCKET, "max-messages", "100", "max-age-ms", "1000")).writeTo(dir);
        return suite.startBridge(process, "replica-0", "gw-a", rules, Map.of(
                "STARLING_BRIDGE_S3_ENDPOINT", s3.endpoint(),
                "STARLING_BRIDGE_S3_ACCESS_KEY", s3.identity(),
                "STARLING_BRIDGE_S3_SECRET_KEY", s3.credential()));
    }

    /** Every line of every object under {@code prefix}, parsed. */
    private static List<JsonNode> archivedLines(String prefix) {
        List<JsonNode> lines = new ArrayList<>();
        for (String key : objects.keys(BUCKET, prefix)) {
            try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(objects.read(BUCKET, key)))) {
                for (String line : new String(gzip.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        lines.add(JSON.readTree(line));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("object " + key, e);
            }
        }
        return lines;
    }

    private static List<String> awaitArchived(String prefix, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> payloads = List.of();
        while (System.nanoTime() < deadline) {
            payloads = archivedLines(prefix).stream().map(line -> line.get("payload").asText()).toList();
            if (payloads.stream().distinct().count() >= count) {
                break;
            }
            Thread.sleep(250);
        }
        return payloads;
    }

    @Test
    void messagesAreBatchedIntoGzippedJsonLinesObjectsUnderTheirTopicAndHour() throws Exception {
        RunningPart bridge = startBridge("bridge-steady", "steady");
        try (SequencedPublisher a = new SequencedPublisher("meter-a", suite.mqttPort("gw-a"));
             SequencedPublisher b = new SequencedPublisher("meter-b", suite.mqttPort("gw-a"))) {
            a.publish("meters/steady/a", 250);
            b.publish("meters/steady/b", 30);

            List<String> payloads = awaitArchived("meters/steady/", 280);

            assertThat(payloads).hasSize(280).doesNotHaveDuplicates();
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            List<String> keys = objects.keys(BUCKET, "meters/steady/");
            assertThat(keys).allSatisfy(key -> assertThat(key)
                    .matches("meters/steady/[ab]/" + today + "/\\d\\d/\\d+-replica-0-\\d{6}\\.jsonl\\.gz"));
            // 250 messages of one topic, at most 100 per object; the other topic has its own object.
            assertThat(keys.stream().filter(k -> k.startsWith("meters/steady/a/"))).hasSizeGreaterThanOrEqualTo(3);
            JsonNode line = archivedLines("meters/steady/b/").getFirst();
            assertThat(line.get("topic").asText()).isEqualTo("meters/steady/b");
            assertThat(line.get("clientid").asText()).isEqualTo("meter-b");
            assertThat(line.get("qos").asInt()).isEqualTo(1);
            assertThat(line.get("payload_encoding").asText()).isEqualTo("utf8");
            assertThat(line.get("content_type").asText()).isEqualTo("text/plain");
            assertThat(line.get("user_properties").get("seq").asText()).isNotEmpty();
        } finally {
            bridge.close();
        }
    }

    @Test
    void nothingAcknowledgedIsLostAcrossABridgeKill() throws Exception {
        RunningPart first = startBridge("bridge-killed", "killed");
        RunningPart second = null;
        try (SequencedPublisher a = new SequencedPublisher("meter-a", suite.mqttPort("gw-a"))) {
            a.publish("meters/killed/a", 150);
            first.kill();
            a.publish("meters/killed/a", 150);
            second = startBridge("bridge-killed-again", "killed");
            a.publish("meters/killed/a", 100);

            List<String> payloads = awaitArchived("meters/killed/", 400);

            assertThat(payloads.stream().distinct().toList()).hasSize(400);
            System.out.printf("archive after a bridge SIGKILL: 400 messages, %d lines (%d written twice)%n",
                    payloads.size(), payloads.size() - 400);
        } finally {
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }
}
