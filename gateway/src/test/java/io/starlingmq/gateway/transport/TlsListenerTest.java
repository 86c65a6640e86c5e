package io.starlingmq.gateway.transport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.starlingmq.gateway.support.LinkedGatewayTest;
import io.starlingmq.gateway.support.TestRouterResource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The TLS listener (no client certificates) with Java clients and mosquitto's command-line clients. */
@QuarkusTest
@QuarkusTestResource(TestRouterResource.class)
@QuarkusTestResource(value = TransportTestResource.class, restrictToAnnotatedClass = true)
class TlsListenerTest extends LinkedGatewayTest {

    @ConfigProperty(name = "starling.gateway.tls.port")
    int tlsPort;

    TestCertificates certificates;

    @Test
    void hiveMqClientExchangesMessagesOverTls() throws Exception {
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier("tls-hive")
                .serverHost("127.0.0.1").serverPort(tlsPort)
                .sslConfig().trustManagerFactory(certificates.trustManagerFactory()).applySslConfig()
                .buildBlocking();
        MessageExchange.exchange(client, "tls-hive", router);
    }

    @Test
    void pahoMqtt311ClientPublishesOverTls() throws MqttException, IOException, GeneralSecurityException {
        var client = new org.eclipse.paho.client.mqttv3.MqttClient("ssl://127.0.0.1:" + tlsPort, "tls-paho",
                new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setSocketFactory(certificates.sslContext(null).getSocketFactory());
        client.connect(options);
        try {
            client.publish("up/tls-paho", "paho".getBytes(StandardCharsets.UTF_8), 1, false);
            assertThat(Deliveries.published(router, "tls-paho", "up/tls-paho", "paho")).isTrue();
        } finally {
            client.disconnect();
            client.close();
        }
    }

    @Test
    void aClientThatDoesNotTrustTheServerCertificateFailsTheHandshake() throws Exception {
        TestCertificates stranger = TestCertificates.generate();
        try (SSLSocket socket = (SSLSocket) stranger.sslContext(null).getSocketFactory()
                .createSocket("127.0.0.1", tlsPort)) {
            assertThatThrownBy(socket::startHandshake).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mqttv311", "mqttv5"})
    void mosquittoPubAndSubExchangeMessagesOverTls(String version) throws Exception {
        String subscriber = "mosq-sub-" + version;
        Process sub = new ProcessBuilder(mosquitto("mosquitto_sub", version, subscriber,
                "-t", "down/" + subscriber, "-q", "1", "-C", "1", "-W", "30"))
                .redirectErrorStream(true).start();
        try {
            await().atMost(MessageExchange.WAIT).until(() -> Deliveries.subscribed(router, subscriber));
            router.send(Deliveries.deliver(router.connectionIdOf(subscriber), "down/" + subscriber, "hi " + version));
            assertThat(sub.waitFor(MessageExchange.WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(new String(sub.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim())
                    .isEqualTo("hi " + version);
            assertThat(sub.exitValue()).isZero();
        } finally {
            sub.destroyForcibly();
        }

        String publisher = "mosq-pub-" + version;
        Process pub = new ProcessBuilder(mosquitto("mosquitto_pub", version, publisher,
                "-t", "up/" + publisher, "-q", "1", "-m", "hello " + version))
                .redirectErrorStream(true).start();
        assertThat(pub.waitFor(MessageExchange.WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(pub.exitValue())
                .as(new String(pub.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        assertThat(Deliveries.published(router, publisher, "up/" + publisher, "hello " + version)).isTrue();
    }

    @Test
    void readinessReportsEveryEnabledListenerBound() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks[0].data.'listener.tcp'", equalTo(true))
                .body("checks[0].data.'listener.tls'", equalTo(true))
                .body("checks[0].data.'listener.ws'", equalTo(true))
                .body("checks[0].data.'listener.wss'", equalTo(true));
    }

    private List<String> mosquitto(String tool, String version, String clientId, String... rest) {
        List<String> command = new java.util.ArrayList<>(List.of(tool, "-h", "127.0.0.1", "-p",
                Integer.toString(tlsPort), "--cafile", certificates.caFile().toString(), "-V", version,
                "-i", clientId));
        command.addAll(List.of(rest));
        return command;
    }
}
