package io.starlingmq.auth.api;

import static io.starlingmq.auth.api.AuthnCalls.connect;
import static io.starlingmq.auth.testsupport.AuthServicesResource.TEST_AUDIENCE;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.starlingmq.auth.testsupport.KeycloakTokens;
import io.starlingmq.auth.testsupport.TestIssuer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class JwtAuthenticationTest {

    private static final String DEVICE = "dev-1";

    private TestIssuer issuer;
    private PublicJsonWebKey rsa;
    private PublicJsonWebKey ec;

    @BeforeEach
    void publishFreshKeys() {
        issuer = TestIssuer.fromConfig();
        rsa = TestIssuer.rsaKey("rsa-" + System.nanoTime());
        ec = TestIssuer.ecKey("ec-" + System.nanoTime());
        issuer.publish(rsa, ec);
    }

    private JwtClaims validClaims() {
        return issuer.claimsFor(DEVICE, TEST_AUDIENCE);
    }

    private static void assertDenied(String token, String reason) {
        connect(DEVICE, DEVICE, token).body("result", equalTo("deny")).body("reason", equalTo(reason))
                .body("rules", hasSize(0));
    }

    @Test
    void keycloakTokenIsAllowedWithTheRulesFromItsClaim() {
        String token = KeycloakTokens.deviceToken("dev-1", KeycloakTokens.LOCAL_DEVICE_PASSWORD);
        connect("dev-1", "dev-1", token)
                .body("result", equalTo("allow"))
                .body("reason", equalTo("jwt:keycloak"))
                .body("superuser", equalTo(false))
                .body("expiresAt", greaterThan((int) (System.currentTimeMillis() / 1000)))
                .body("rules.permission", contains("allow", "allow"))
                .body("rules.action", contains("publish", "subscribe"))
                .body("rules.topics", contains(contains("devices/dev-1/#"), contains("devices/dev-1/#")));
    }

    @Test
    void keycloakTokenOfAnotherDeviceIsDenied() {
        String token = KeycloakTokens.deviceToken("dev-2", KeycloakTokens.LOCAL_DEVICE_PASSWORD);
        assertDenied(token, "client id does not match claim client_id");
    }

    @Test
    void tokensSignedWithEachPinnedAlgorithmAreAllowed() {
        connect(DEVICE, DEVICE, TestIssuer.sign(validClaims(), rsa, AlgorithmIdentifiers.RSA_USING_SHA256))
                .body("result", equalTo("allow")).body("rules.topics", contains(contains("devices/dev-1/#")));
        connect(DEVICE, DEVICE, TestIssuer.sign(validClaims(), rsa, AlgorithmIdentifiers.RSA_PSS_USING_SHA256))
                .body("result", equalTo("allow"));
        connect(DEVICE, DEVICE, TestIssuer.sign(validClaims(), ec,
                AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)).body("result", equalTo("allow"));
    }

    @Test
    void unsignedTokenWithAlgNoneIsDenied() throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(validClaims().toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setKeyIdHeaderValue(rsa.getKeyId());
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        connect(DEVICE, DEVICE, jws.getCompactSerialization()).body("result", equalTo("deny"));
    }

    @Test
    void hs256SignedWithTheIssuersPublicKeyIsDenied() throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(validClaims().toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKeyIdHeaderValue(rsa.getKeyId());
        jws.setKey(new HmacKey(rsa.getPublicKey().getEncoded()));
        jws.setDoKeyValidation(false);
        connect(DEVICE, DEVICE, jws.getCompactSerialization()).body("result", equalTo("deny"));
    }

    @Test
    void expiredTokenIsDenied() {
        JwtClaims claims = validClaims();
        claims.setExpirationTime(TestIssuer.secondsFromNow(-120));
        assertDenied(TestIssuer.sign(claims, rsa, AlgorithmIdentifiers.RSA_USING_SHA256), "token expired");
    }

    @Test
    void notYetValidTokenIsDenied() {
        JwtClaims claims = validClaims();
        claims.setNotBefore(TestIssuer.secondsFromNow(120));
        assertDenied(TestIssuer.sign(claims, rsa, AlgorithmIdentifiers.RSA_USING_SHA256), "token not yet valid");
    }

    @Test
    void tokenFromAnUntrustedIssuerIsDenied() {
        JwtClaims claims = validClaims();
        claims.setIssuer("https://evil.example/realms/starling");
        assertDenied(TestIssuer.sign(claims, rsa, AlgorithmIdentifiers.RSA_USING_SHA256), "untrusted issuer");
    }

    @Test
    void tokenForAnotherAudienceIsDenied() {
        JwtClaims claims = validClaims();
        claims.setAudience("some-other-api");
        assertDenied(TestIssuer.sign(claims, rsa, AlgorithmIdentifiers.RSA_USING_SHA256), "wrong audience");
    }

    @Test
    void tamperedPayloadIsDenied() {
        String token = TestIssuer.sign(validClaims(), rsa, AlgorithmIdentifiers.RSA_USING_SHA256);
        String[] parts = token.split("\\.");
        JwtClaims widened = validClaims();
        widened.setClaim("acl", java.util.Map.of("pub", java.util.List.of("#")));
        String forgedPayload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(widened.toJson().getBytes(StandardCharsets.UTF_8));
        assertDenied(parts[0] + "." + forgedPayload + "." + parts[2], "bad signature");
    }

    @Test
    void unknownKeyIdThatStaysUnknownAfterRefreshIsDenied() {
        PublicJsonWebKey unpublished = TestIssuer.rsaKey("never-published");
        assertDenied(TestIssuer.sign(validClaims(), unpublished, AlgorithmIdentifiers.RSA_USING_SHA256),
                "invalid token: unknown key id never-published");
    }

    @Test
    void clientIdNotMatchingTheClaimIsDenied() {
        String token = TestIssuer.sign(validClaims(), rsa, AlgorithmIdentifiers.RSA_USING_SHA256);
        connect("dev-9", "dev-9", token).body("result", equalTo("deny"))
                .body("reason", equalTo("client id does not match claim client_id"));
    }

    @Test
    void keyRemovedFromTheJwksAfterRotationIsDenied() {
        String oldToken = TestIssuer.sign(validClaims(), rsa, AlgorithmIdentifiers.RSA_USING_SHA256);
        connect(DEVICE, DEVICE, oldToken).body("result", equalTo("allow"));

        PublicJsonWebKey next = TestIssuer.rsaKey("rotated-" + System.nanoTime());
        issuer.publish(next);
        // The new key id is unknown to the service, which refreshes and so learns the old key is gone.
        connect(DEVICE, DEVICE, TestIssuer.sign(validClaims(), next, AlgorithmIdentifiers.RSA_USING_SHA256))
                .body("result", equalTo("allow"));
        assertDenied(oldToken, "invalid token: unknown key id " + rsa.getKeyId());
    }

    @Test
    void keyPublishedForEncryptionIsNotUsedToVerify() {
        PublicJsonWebKey encryption = TestIssuer.rsaKey("enc-" + System.nanoTime());
        encryption.setUse("enc");
        issuer.publish(rsa, encryption);
        assertDenied(TestIssuer.sign(validClaims(), encryption, AlgorithmIdentifiers.RSA_USING_SHA256),
                "invalid token: unknown key id " + encryption.getKeyId());
    }

    @Test
    void passwordThatIsNotAJwtIsLeftToTheNextAuthenticator() {
        connect("unregistered", "u", "plain-password").body("result", equalTo("ignore"));
    }
}
