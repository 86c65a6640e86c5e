package io.starlingmq.launcher;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteLayoutTest {

    @TempDir
    Path emptyCheckout;

    @Test
    void missingLocalServersSayHowToBuildThem() {
        SuiteLayout layout = new SuiteLayout(emptyCheckout);

        assertThatThrownBy(layout::kafkaLibs).hasMessageContaining("local-servers/target/kafka/libs")
                .hasMessageContaining("./mvnw -B package -pl local-servers");
        assertThatThrownBy(layout::s3ProxyJar).hasMessageContaining("local-servers/target/s3proxy/s3proxy.jar")
                .hasMessageContaining("./mvnw -B package -pl local-servers");
    }
}
