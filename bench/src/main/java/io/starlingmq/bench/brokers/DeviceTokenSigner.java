package io.starlingmq.bench.brokers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * A signing key made for one bench run, trusted by the bench's auth service as a static-key issuer,
 * and the device tokens signed with it (RS256, the claims the auth service checks).
 */
public final class DeviceTokenSigner {

    public static final String ISSUER = "urn:starling:bench";
    public static final String AUDIENCE = "starling-mqtt";
    private static final int KEY_BITS = 2048;
    private static final long LIFETIME_SECONDS = 3600;

    private final KeyPair keys;

    private DeviceTokenSigner(KeyPair keys) {
        this.keys = keys;
    }

    public static DeviceTokenSigner generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            return new DeviceTokenSigner(generator.generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no RSA", e);
        }
    }

    /** Writes the public key as the PEM file ({@code BEGIN PUBLIC KEY}) the auth service's {@code public-key-file} reads. */
    public Path writePublicKey(Path file) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded());
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
    }

    /** A token bound to {@code clientId}, allowed to publish and subscribe under {@code devices/<clientId>/#}. */
    public String tokenFor(String clientId) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(clientId);
        claims.setClaim("client_id", clientId);
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() + LIFETIME_SECONDS));
        claims.setClaim("acl", Map.of("pub", List.of("devices/${clientid}/#"), "sub", List.of("devices/${clientid}/#")));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("signing a device token failed", e);
        }
    }
}
