package io.starlingmq.launcher.up;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class UpBannerTest {

    @Test
    void namesTheDashboardAndTheKeyFileToLogInWith() throws Exception {
        UpOptions options = UpOptions.parse(new String[] {"--mode=anonymous", "--root=/r", "--state=/r/.starling",
                "--postgres-home=/r/pg", "--redis-port=6380", "--router-port=9090", "--mqtt-port=1883",
                "--gateway-http-port=8090", "--tls-port=8883", "--ws-port=8083", "--wss-port=8084",
                "--auth-port=8180", "--postgres-port=5433", "--keycloak-port=8280",
                "--keycloak-management-port=8281", "--ops-port=18083", "--ready-timeout=90", "--device-acl={}"});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        UpBanner.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), options, "in memory", Path.of("realm.json"));
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("dashboard (ops)     http://127.0.0.1:18083/   (log in with the API key in "
                        + Path.of("/r/.starling/run/api-key") + ": key before the ':', secret after it)");
    }
}
