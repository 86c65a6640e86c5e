package io.starlingmq.launcher.up;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An RS256 device token of the local development issuer, with the claims the auth service's local profile
 * checks: the same token {@code ./starling token} signs with openssl.
 */
public final class DevKeyToken {

    public static final String ISSUER = "urn:starling:local-dev";
    public static final String AUDIENCE = "starling-mqtt";
    private static final long LIFETIME_SECONDS = 3600;

    private DevKeyToken() {
    }

    /** A token for {@code clientId} carrying {@code aclJson} (the EMQX form) as its acl claim, valid for an hour. */
    public static String sign(PrivateKey key, String clientId, String aclJson) throws GeneralSecurityException {
        String id = jsonString(clientId);
        return sign(key, id, id, aclJson, Duration.ofSeconds(LIFETIME_SECONDS));
    }

    /**
     * One token for every client id in {@code clientIds} (the client_id claim a list, which the auth service
     * accepts for each of them): for a service that opens a connection per task under an id of its own.
     */
    public static String signForClients(PrivateKey key, String subject, List<String> clientIds, String aclJson,
                                        Duration lifetime) throws GeneralSecurityException {
        String ids = clientIds.stream().map(DevKeyToken::jsonString).collect(Collectors.joining(",", "[", "]"));
        return sign(key, jsonString(subject), ids, aclJson, lifetime);
    }

    private static String sign(PrivateKey key, String subjectJson, String clientIdJson, String aclJson,
                               Duration lifetime) throws GeneralSecurityException {
        long now = System.currentTimeMillis() / 1000;
        String header = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String payload = base64Url("{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":" + subjectJson
                + ",\"client_id\":" + clientIdJson + ",\"iat\":" + now + ",\"nbf\":" + now + ",\"exp\":"
                + (now + lifetime.toSeconds()) + ",\"acl\":" + aclJson + "}");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Quotes and backslashes escaped, so a client id cannot break out of its string. */
    private static String jsonString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
