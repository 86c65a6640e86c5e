package io.starlingmq.auth.api;

import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/** Tokens shaped like those of {@code ./starling token}: local issuer, no {@code kid}, RS256. */
final class LocalDevTokens {

    static final String ISSUER = "urn:starling:local-dev";
    static final String AUDIENCE = "starling-mqtt";

    private LocalDevTokens() {
    }

    static String signedBy(PrivateKey key, String clientId) {
        return signed(key, clientId, clientId);
    }

    /** One token for several client ids, as {@code ./starling up --kafka} signs for the bridge's connections. */
    static String signedForClients(PrivateKey key, List<String> clientIds) {
        return signed(key, "starling-bridge", clientIds);
    }

    private static String signed(PrivateKey key, String subject, Object clientIdClaim) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(subject);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(60);
        claims.setClaim("client_id", clientIdClaim);
        // Ordered like the script's claim: publish rules first, then subscribe.
        Map<String, Object> acl = new LinkedHashMap<>();
        acl.put("pub", List.of("devices/${clientid}/#"));
        acl.put("sub", List.of("devices/${clientid}/#"));
        claims.setClaim("acl", acl);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
