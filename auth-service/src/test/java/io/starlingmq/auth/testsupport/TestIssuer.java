package io.starlingmq.auth.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jwk.Use;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/** Signs tokens as the test issuer and decides which public keys its JWKS publishes. */
public final class TestIssuer {

    private final String issuer;
    private final Path jwksFile;

    private TestIssuer(String issuer, Path jwksFile) {
        this.issuer = issuer;
        this.jwksFile = jwksFile;
    }

    public static TestIssuer fromConfig() {
        var config = ConfigProvider.getConfig();
        return new TestIssuer(config.getValue("starling.test.issuer.url", String.class),
                Path.of(config.getValue("starling.test.issuer.dir", String.class), "jwks.json"));
    }

    public String issuer() {
        return issuer;
    }

    public static PublicJsonWebKey rsaKey(String kid) {
        try {
            PublicJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(kid);
            key.setUse(Use.SIGNATURE);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PublicJsonWebKey ecKey(String kid) {
        try {
            PublicJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            key.setKeyId(kid);
            key.setUse(Use.SIGNATURE);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces the published JWKS with the public halves of these keys. */
    public void publish(PublicJsonWebKey... keys) {
        JsonWebKeySet set = new JsonWebKeySet(Arrays.asList(keys));
        try {
            Files.writeString(jwksFile, set.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Claims of a valid token for the client: five minutes left, bound audience and acl claim. */
    public JwtClaims claimsFor(String clientId, String audience) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(clientId);
        claims.setIssuedAtToNow();
        claims.setNotBeforeMinutesInThePast(1);
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setClaim("client_id", clientId);
        claims.setClaim("acl", Map.of("pub", java.util.List.of("devices/${clientid}/#")));
        return claims;
    }

    public static String sign(JwtClaims claims, PublicJsonWebKey key, String algorithm) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(algorithm);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    public static NumericDate secondsFromNow(long seconds) {
        NumericDate date = NumericDate.now();
        date.addSeconds(seconds);
        return date;
    }
}
