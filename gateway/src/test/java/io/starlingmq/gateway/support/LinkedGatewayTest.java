package io.starlingmq.gateway.support;

import static org.awaitility.Awaitility.await;

import io.starlingmq.gateway.link.RouterLinks;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every gateway test with a {@link TestRouter} needs: the MQTT port, the gateway's router links,
 * the test router (injected by {@link TestRouterResource}), and no test before the link is up.
 */
public abstract class LinkedGatewayTest {

    @ConfigProperty(name = "starling.gateway.mqtt.port")
    protected int port;

    @Inject
    protected RouterLinks links;

    protected TestRouter router;

    @BeforeEach
    void awaitRouterLinked() {
        await().atMost(Duration.ofSeconds(20)).until(links::allUp);
    }
}
