package io.starlingmq.auth.jwt;

import io.starlingmq.auth.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * Verifies device tokens with jose4j. The unverified {@code iss} only chooses which issuer's
 * consumer runs; that consumer then enforces the issuer's pinned algorithms, its keys, {@code iss},
 * {@code aud}, {@code exp} (required) and {@code nbf} with the configured clock skew.
 * Blocking: it may fetch the issuer's JWKS.
 */
@ApplicationScoped
public class TokenVerifier {

    private static final JwtConsumer ISSUER_PEEK = new JwtConsumerBuilder()
            .setSkipAllValidators()
            .setDisableRequireSignature()
            .setSkipSignatureVerification()
            .build();

    private final TrustedIssuers issuers;
    private final AuthConfig.Jwt config;
    private final Map<String, JwtConsumer> consumers = new ConcurrentHashMap<>();

    public TokenVerifier(TrustedIssuers issuers, AuthConfig config) {
        this.issuers = issuers;
        this.config = config.jwt();
    }

    /** Whether a password is shaped like a compact JWS (three base64url parts). */
    public static boolean looksLikeJwt(String password) {
        return password != null && password.startsWith("eyJ")
                && password.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    }

    public VerifiedToken verify(String token) throws TokenRejectedException {
        if (token.length() > config.maxTokenLength()) {
            throw new TokenRejectedException("token too long");
        }
        JwtContext unverified;
        String iss;
        try {
            unverified = ISSUER_PEEK.process(token);
            iss = unverified.getJwtClaims().getIssuer();
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw new TokenRejectedException("malformed token");
        }
        if (iss == null) {
            throw new TokenRejectedException("token has no issuer");
        }
        IssuerKeys issuer = issuers.byIssuer(iss)
                .orElseThrow(() -> new TokenRejectedException("untrusted issuer"));
        try {
            consumerFor(issuer).processContext(unverified);
        } catch (InvalidJwtException e) {
            throw new TokenRejectedException(reasonFor(e));
        }
        return new VerifiedToken(issuer.name(), issuer.config(), unverified.getJwtClaims());
    }

    private JwtConsumer consumerFor(IssuerKeys issuer) {
        return consumers.computeIfAbsent(issuer.name(), name -> new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(Math.toIntExact(config.clockSkew().toSeconds()))
                .setExpectedIssuer(true, issuer.issuer())
                .setExpectedAudience(true, issuer.config().audience())
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT,
                        issuer.config().algorithms().toArray(String[]::new)))
                .setVerificationKeyResolver(new JwksKeyResolver(issuer))
                .build());
    }

    private static String reasonFor(InvalidJwtException e) {
        if (e.hasExpired()) {
            return "token expired";
        }
        if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
            return "token not yet valid";
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return "wrong audience";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID)) {
            return "wrong issuer";
        }
        if (e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING)) {
            return "token has no expiry";
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
            return "bad signature";
        }
        return "invalid token: " + rootMessage(e);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
