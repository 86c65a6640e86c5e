package io.starlingmq.bench.brokers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceTokenSignerTest {

    @TempDir
    Path dir;

    @Test
    void tokenVerifiesWithTheWrittenPemKeyAndCarriesTheClaimsTheAuthServiceChecks() throws Exception {
        DeviceTokenSigner signer = DeviceTokenSigner.generate();
        PublicKey key = readPem(signer.writePublicKey(dir.resolve("key/public.pem")));

        JwtClaims claims = consumer(key).processToClaims(signer.tokenFor("dev-7"));

        assertThat(claims.getIssuer()).isEqualTo(DeviceTokenSigner.ISSUER);
        assertThat(claims.getAudience()).containsExactly(DeviceTokenSigner.AUDIENCE);
        assertThat(claims.getStringClaimValue("client_id")).isEqualTo("dev-7");
        assertThat(claims.getExpirationTime().getValue()).isGreaterThan(claims.getIssuedAt().getValue());
        assertThat(claims.getClaimValue("acl", Map.class))
                .isEqualTo(Map.of("pub", List.of("devices/${clientid}/#"), "sub", List.of("devices/${clientid}/#")));
    }

    @Test
    void aTokenSignedWithAnotherRunsKeyDoesNotVerify() throws Exception {
        PublicKey ours = readPem(DeviceTokenSigner.generate().writePublicKey(dir.resolve("public.pem")));

        String foreign = DeviceTokenSigner.generate().tokenFor("dev-7");

        assertThatThrownBy(() -> consumer(ours).processToClaims(foreign)).isInstanceOf(InvalidJwtException.class);
    }

    private static JwtConsumer consumer(PublicKey key) {
        return new JwtConsumerBuilder().setVerificationKey(key).setExpectedIssuer(DeviceTokenSigner.ISSUER)
                .setExpectedAudience(DeviceTokenSigner.AUDIENCE).setRequireExpirationTime()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
    }

    private static PublicKey readPem(Path file) throws Exception {
        String pem = Files.readString(file);
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        String body = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    }
}
