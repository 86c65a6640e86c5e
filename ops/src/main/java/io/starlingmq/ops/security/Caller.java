package io.starlingmq.ops.security;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who called, for the audit trail: the key's name or the token's user, and how they authenticated
 * ({@value #API_KEY} as EMQX names API key calls, or {@value #OIDC} for a bearer token).
 */
public record Caller(String name, String from) {

    public static final String API_KEY = "rest_api";
    public static final String OIDC = "oidc";
    /** The identity attribute in which {@link ApiKeyIdentityProvider} says how the caller authenticated. */
    static final String FROM_ATTRIBUTE = "starling.ops.from";

    public static Caller of(SecurityIdentity identity) {
        Object from = identity.getAttribute(FROM_ATTRIBUTE);
        if (from == null) {
            from = identity.getPrincipal() instanceof JsonWebToken ? OIDC : "unknown";
        }
        return new Caller(identity.getPrincipal().getName(), from.toString());
    }
}
