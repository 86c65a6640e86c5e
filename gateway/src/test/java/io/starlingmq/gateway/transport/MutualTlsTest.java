package io.starlingmq.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.starlingmq.gateway.mqtt.TransportAttributes;
import io.starlingmq.gateway.session.Connection;
import io.starlingmq.gateway.session.ConnectionRegistry;
import io.starlingmq.gateway.support.LinkedGatewayTest;
import io.starlingmq.gateway.support.TestRouterResource;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** client-auth = required: no certificate, no connection; with one, its subject is on the channel. */
@QuarkusTest
@QuarkusTestResource(TestRouterResource.class)
@QuarkusTestResource(value = TransportTestResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "client-auth", value = "required"))
class MutualTlsTest extends LinkedGatewayTest {

    @ConfigProperty(name = "starling.gateway.tls.port")
    int tlsPort;

    @ConfigProperty(name = "starling.gateway.wss.port")
    int wssPort;

    @Inject
    ConnectionRegistry registry;

    TestCertificates certificates;

    @Test
    void aClientWithoutCertificateCannotConnect() throws Exception {
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier("mtls-anonymous")
                .serverHost("127.0.0.1").serverPort(tlsPort)
                .sslConfig().trustManagerFactory(certificates.trustManagerFactory()).applySslConfig()
                .buildBlocking();
        assertThatThrownBy(client::connect).isInstanceOf(RuntimeException.class);
        assertThat(router.connectionIdOf("mtls-anonymous")).isEqualTo(-1);
    }

    @Test
    void aClientWithACertificateConnectsAndItsSubjectIsOnTheChannel() throws Exception {
        TestCertificates.ClientCertificate device = certificates.issueClient("device-42");
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier("mtls-device")
                .serverHost("127.0.0.1").serverPort(tlsPort)
                .sslConfig().trustManagerFactory(certificates.trustManagerFactory())
                .keyManagerFactory(device.keyManagerFactory()).applySslConfig()
                .buildBlocking();
        client.connect();
        try {
            Connection connection = connectionOf("mtls-device").orElseThrow();
            assertThat(connection.channel().attr(TransportAttributes.CLIENT_CERT_CN).get()).isEqualTo("device-42");
            assertThat(connection.channel().attr(TransportAttributes.CLIENT_CERT_SUBJECT).get())
                    .isEqualTo("CN=device-42,O=Starling Tests");
        } finally {
            client.disconnect();
        }
    }

    @Test
    void webSocketOverTlsAlsoRequiresAndRecordsTheClientCertificate() throws Exception {
        TestCertificates.ClientCertificate device = certificates.issueClient("ws-device");
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier("mtls-wss")
                .serverHost("127.0.0.1").serverPort(wssPort)
                .sslConfig().trustManagerFactory(certificates.trustManagerFactory())
                .keyManagerFactory(device.keyManagerFactory()).applySslConfig()
                .webSocketConfig().serverPath("mqtt").applyWebSocketConfig()
                .buildBlocking();
        MessageExchange.exchange(client, "mtls-wss", router);
        Mqtt5BlockingClient anonymous = MqttClient.builder().useMqttVersion5().identifier("mtls-wss-anonymous")
                .serverHost("127.0.0.1").serverPort(wssPort)
                .sslConfig().trustManagerFactory(certificates.trustManagerFactory()).applySslConfig()
                .webSocketConfig().serverPath("mqtt").applyWebSocketConfig()
                .buildBlocking();
        assertThatThrownBy(anonymous::connect).isInstanceOf(RuntimeException.class);
    }

    private Optional<Connection> connectionOf(String clientId) {
        return registry.all().stream().filter(c -> c.identity().clientId().equals(clientId)).findFirst();
    }
}
