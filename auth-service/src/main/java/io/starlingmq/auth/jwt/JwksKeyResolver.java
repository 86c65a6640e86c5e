package io.starlingmq.auth.jwt;

import java.security.Key;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

/**
 * Picks the issuer's key for a token by {@code kid} (and key type for the algorithm). An unknown
 * {@code kid} triggers one rate-limited JWKS refresh; a token without {@code kid} is accepted only
 * when exactly one key fits.
 */
final class JwksKeyResolver implements VerificationKeyResolver {

    private final IssuerKeys issuer;

    JwksKeyResolver(IssuerKeys issuer) {
        this.issuer = issuer;
    }

    @Override
    public Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nestingContext)
            throws UnresolvableKeyException {
        JsonWebKey key = select(jws);
        if (key == null && issuer.refreshOnDemand()) {
            key = select(jws);
        }
        if (key == null) {
            throw new UnresolvableKeyException("unknown key id " + jws.getKeyIdHeaderValue());
        }
        return key.getKey();
    }

    private JsonWebKey select(JsonWebSignature jws) throws UnresolvableKeyException {
        try {
            List<JsonWebKey> candidates = new VerificationJwkSelector().selectList(jws, issuer.signingKeys());
            if (jws.getKeyIdHeaderValue() == null && candidates.size() != 1) {
                return null;
            }
            return candidates.isEmpty() ? null : candidates.get(0);
        } catch (JoseException e) {
            throw new UnresolvableKeyException("cannot select a key: " + e.getMessage(), e);
        }
    }
}
