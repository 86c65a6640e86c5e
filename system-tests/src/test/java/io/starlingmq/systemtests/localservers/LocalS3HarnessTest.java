package io.starlingmq.systemtests.localservers;

import static org.assertj.core.api.Assertions.assertThat;

import io.starlingmq.systemtests.harness.S3Objects;
import io.starlingmq.systemtests.harness.SharedS3;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The harness's S3 store: objects written and listed and read back with a signing client. */
class LocalS3HarnessTest {

    @Test
    void objectsAreListedByPrefixAndReadBack() {
        try (S3Objects s3 = new S3Objects(SharedS3.shared())) {
            s3.createBucket("harness");
            s3.put("harness", "devices/dev-1/2.json", "{\"n\":2}".getBytes(StandardCharsets.UTF_8));
            s3.put("harness", "devices/dev-1/1.json", "{\"n\":1}".getBytes(StandardCharsets.UTF_8));
            s3.put("harness", "other/x", new byte[] {0, 1, 2});

            assertThat(s3.keys("harness", "devices/")).containsExactly("devices/dev-1/1.json", "devices/dev-1/2.json");
            assertThat(new String(s3.read("harness", "devices/dev-1/2.json"), StandardCharsets.UTF_8)).isEqualTo("{\"n\":2}");
            assertThat(s3.read("harness", "other/x")).containsExactly(0, 1, 2);
        }
    }
}
