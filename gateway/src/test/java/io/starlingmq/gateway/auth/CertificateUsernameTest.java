package io.starlingmq.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.starlingmq.gateway.support.LinkedGatewayTest;
import io.starlingmq.gateway.support.TestRouterResource;
import io.starlingmq.gateway.transport.TestCertificates;
import io.starlingmq.gateway.transport.TransportTestResource;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code certificate-identity = san-dns} with mutual TLS: the username the auth service judges is the
 * certificate's DNS name; the subject still goes along; a CONNECT claiming another username is refused.
 */
@QuarkusTest
@QuarkusTestResource(TestRouterResource.class)
@QuarkusTestResource(value = TransportTestResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "client-auth", value = "required"))
@QuarkusTestResource(value = AuthServiceResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "starling.gateway.auth.certificate-identity", value = "san-dns"))
class CertificateUsernameTest extends LinkedGatewayTest {

    @ConfigProperty(name = "starling.gateway.tls.port")
    int tlsPort;

    TestCertificates certificates;
    FakeAuthService authService;

    @BeforeEach
    void allowEveryone() {
        authService.answer(200, """
                {"result": "allow", "reason": "test", "superuser": true, "rules": []}""");
    }

    @Test
    void usernameIsTheCertificatesDnsNameAndTheSubjectGoesAlong() throws Exception {
        TestCertificates.ClientCertificate device = certificates.issueClient("device-42", "DNS:device-42.fleet.example");
        Mqtt5BlockingClient client = tlsClient("cert-user-1", device);

        client.connect();
        client.disconnect();

        JsonObject request = lastRequestOf("cert-user-1");
        assertThat(request.getString("username")).isEqualTo("device-42.fleet.example");
        assertThat(request.getString("certificateSubject")).isEqualTo("CN=device-42,O=Starling Tests");
    }

    @Test
    void connectNamingTheSameUserAsTheCertificateIsAccepted() throws Exception {
        TestCertificates.ClientCertificate device = certificates.issueClient("device-44", "DNS:device-44.fleet.example");
        Mqtt5BlockingClient client = tlsClient("cert-user-2", device);

        client.connectWith().simpleAuth().username("device-44.fleet.example").applySimpleAuth().send();
        client.disconnect();

        assertThat(lastRequestOf("cert-user-2").getString("username")).isEqualTo("device-44.fleet.example");
    }

    @Test
    void connectClaimingAnotherUsernameIsRefusedWithoutAskingTheAuthService() throws Exception {
        TestCertificates.ClientCertificate device = certificates.issueClient("device-45", "DNS:device-45.fleet.example");
        Mqtt5BlockingClient client = tlsClient("cert-user-3", device);

        assertThatThrownBy(() -> client.connectWith().simpleAuth().username("device-1.fleet.example").applySimpleAuth().send())
                .isInstanceOfSatisfying(Mqtt5ConnAckException.class, refused -> assertThat(
                        refused.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD));
        assertThat(requestsOf("cert-user-3")).isEmpty();
    }

    @Test
    void certificateWithoutTheConfiguredNameIsRefusedNotAuthorized() throws Exception {
        TestCertificates.ClientCertificate device = certificates.issueClient("device-46");
        Mqtt5BlockingClient client = tlsClient("cert-user-4", device);

        assertThatThrownBy(client::connect)
                .isInstanceOfSatisfying(Mqtt5ConnAckException.class, refused -> assertThat(
                        refused.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED));
        assertThat(requestsOf("cert-user-4")).isEmpty();
    }

    @Test
    void withoutACertificateTheConnectsUsernameIsUsed() {
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier("cert-user-5")
                .serverHost("127.0.0.1").serverPort(port).buildBlocking();

        client.connectWith().simpleAuth().username("plain-user").applySimpleAuth().send();
        client.disconnect();

        JsonObject request = lastRequestOf("cert-user-5");
        assertThat(request.getString("username")).isEqualTo("plain-user");
        assertThat(request.getString("certificateSubject")).isNull();
    }

    private Mqtt5BlockingClient tlsClient(String clientId, TestCertificates.ClientCertificate device) throws Exception {
        return MqttClient.builder().useMqttVersion5().identifier(clientId)
                .serverHost("127.0.0.1").serverPort(tlsPort)
                .sslConfig().trustManagerFactory(certificates.trustManagerFactory())
                .keyManagerFactory(device.keyManagerFactory()).applySslConfig()
                .buildBlocking();
    }

    private List<JsonObject> requestsOf(String clientId) {
        return authService.requests().stream().map(JsonObject::new)
                .filter(request -> clientId.equals(request.getString("clientId"))).toList();
    }

    private JsonObject lastRequestOf(String clientId) {
        List<JsonObject> requests = requestsOf(clientId);
        assertThat(requests).as("auth requests of " + clientId).isNotEmpty();
        return requests.getLast();
    }
}
