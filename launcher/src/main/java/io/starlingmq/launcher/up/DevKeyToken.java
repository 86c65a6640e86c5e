package io.starlingmq.launcher.up;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

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

    /** A token for {@code clientId} carrying {@code aclJson} (the EMQX form) as its acl claim. */
    public static String sign(PrivateKey key, String clientId, String aclJson) throws GeneralSecurityException {
        long now = System.currentTimeMillis() / 1000;
        String id = jsonString(clientId);
        String header = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String payload = base64Url("{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":" + id
                + ",\"client_id\":" + id + ",\"iat\":" + now + ",\"nbf\":" + now + ",\"exp\":" + (now + LIFETIME_SECONDS)
                + ",\"acl\":" + aclJson + "}");
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
