package io.starlingmq.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.starlingmq.gateway.transport.TestCertificates;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Names read from client certificates issued by the test CA with openssl. */
class CertificateIdentityTest {

    private static X509Certificate withAlternativeNames;
    private static X509Certificate subjectOnly;

    @BeforeAll
    static void issueCertificates() throws Exception {
        TestCertificates certificates = TestCertificates.generate();
        withAlternativeNames = certificates.issueClient("device-42",
                "DNS:device-42.fleet.example,DNS:spare.fleet.example,email:device-42@fleet.example").certificate();
        subjectOnly = certificates.issueClient("device-43").certificate();
    }

    @Test
    void commonNameIsTheSubjectsCn() {
        assertThat(CertificateIdentity.CN.nameIn(withAlternativeNames)).contains("device-42");
    }

    @Test
    void sanDnsIsTheFirstDnsAlternativeName() {
        assertThat(CertificateIdentity.SAN_DNS.nameIn(withAlternativeNames)).contains("device-42.fleet.example");
    }

    @Test
    void sanEmailIsTheEmailAlternativeName() {
        assertThat(CertificateIdentity.SAN_EMAIL.nameIn(withAlternativeNames)).contains("device-42@fleet.example");
    }

    @Test
    void certificateWithoutAlternativeNamesHasNoSanIdentity() {
        assertThat(CertificateIdentity.SAN_DNS.nameIn(subjectOnly)).isEmpty();
        assertThat(CertificateIdentity.SAN_EMAIL.nameIn(subjectOnly)).isEmpty();
        assertThat(CertificateIdentity.CN.nameIn(subjectOnly)).contains("device-43");
    }

    @Test
    void noneNeverNamesAnyone() {
        assertThat(CertificateIdentity.NONE.nameIn(withAlternativeNames)).isEmpty();
    }

    @Test
    void mostSpecificCommonNameWins() {
        assertThat(CertificateIdentity.commonName("CN=device-42,OU=Sensors,CN=Fleet,O=Acme")).contains("device-42");
        assertThat(CertificateIdentity.commonName("O=Acme")).isEmpty();
        assertThat(CertificateIdentity.commonName("not a name")).isEmpty();
    }
}
