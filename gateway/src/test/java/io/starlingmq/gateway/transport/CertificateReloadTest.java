package io.starlingmq.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.starlingmq.gateway.support.TestRouterResource;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Replacing the PEM files changes the certificate new connections see, without a restart. */
@QuarkusTest
@QuarkusTestResource(TestRouterResource.class)
@QuarkusTestResource(value = TransportTestResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "reload-interval", value = "200ms"))
class CertificateReloadTest {

    @ConfigProperty(name = "starling.gateway.tls.port")
    int tlsPort;

    TestCertificates certificates;

    @Test
    void aNewConnectionSeesTheReplacedCertificate() throws Exception {
        X509Certificate original = TestCertificates.readCertificate(certificates.serverCertFile());
        assertThat(serverCertificate(certificates)).isEqualTo(original);

        TestCertificates renewed = TestCertificates.generate();
        certificates.replaceServerCertificateWith(renewed);
        X509Certificate replacement = TestCertificates.readCertificate(renewed.serverCertFile());

        // The new certificate is signed by another CA, so only a client trusting that CA gets through.
        await().atMost(Duration.ofSeconds(15)).ignoreExceptionsInstanceOf(SSLException.class)
                .untilAsserted(() -> assertThat(serverCertificate(renewed)).isEqualTo(replacement));
    }

    private X509Certificate serverCertificate(TestCertificates trusting) throws IOException, GeneralSecurityException {
        try (SSLSocket socket = (SSLSocket) trusting.sslContext(null).getSocketFactory()
                .createSocket("127.0.0.1", tlsPort)) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }
}
