package io.starlingmq.auth.jwt;

import io.smallrye.mutiny.Uni;
import io.starlingmq.auth.chain.AuthDecision;
import io.starlingmq.auth.chain.Authenticator;
import io.starlingmq.auth.chain.Credentials;
import io.starlingmq.rules.AccessRule;
import io.starlingmq.auth.rules.AclClaimParser;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import org.jboss.logging.Logger;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/**
 * A password shaped like a JWT is this authenticator's to judge: allowed when verified and bound to
 * the connecting client, denied otherwise. Any other password is ignored.
 */
@ApplicationScoped
public class JwtAuthenticator implements Authenticator {

    private static final Logger LOG = Logger.getLogger(JwtAuthenticator.class);

    private final TokenVerifier verifier;
    private final Vertx vertx;

    public JwtAuthenticator(TokenVerifier verifier, Vertx vertx) {
        this.verifier = verifier;
        this.vertx = vertx;
    }

    @Override
    public String name() {
        return "jwt";
    }

    @Override
    public Uni<AuthDecision> authenticate(Credentials credentials) {
        if (!TokenVerifier.looksLikeJwt(credentials.password())) {
            return Uni.createFrom().item(AuthDecision.ignore("not a JWT"));
        }
        return vertx.executeBlocking(Uni.createFrom().item(() -> judge(credentials)));
    }

    private AuthDecision judge(Credentials credentials) {
        try {
            VerifiedToken token = verifier.verify(credentials.password());
            return bind(token, credentials);
        } catch (TokenRejectedException e) {
            LOG.debugf("Token of %s rejected: %s", credentials.clientId(), e.getMessage());
            return AuthDecision.deny(e.getMessage());
        }
    }

    private static AuthDecision bind(VerifiedToken token, Credentials credentials) {
        JwtClaims claims = token.claims();
        Object clientIdClaim = claims.getClaimValue(token.issuer().clientIdClaim());
        if (!namesClient(clientIdClaim, credentials.clientId())) {
            return AuthDecision.deny("client id does not match claim " + token.issuer().clientIdClaim());
        }
        if (token.issuer().usernameClaim().isPresent()) {
            Object usernameClaim = claims.getClaimValue(token.issuer().usernameClaim().get());
            if (!Objects.equals(usernameClaim, credentials.username())) {
                return AuthDecision.deny("username does not match claim " + token.issuer().usernameClaim().get());
            }
        }
        List<AccessRule> rules;
        try {
            rules = AclClaimParser.parse(claims.getClaimValue(token.issuer().aclClaim()));
        } catch (IllegalArgumentException e) {
            return AuthDecision.deny("malformed acl claim: " + e.getMessage());
        }
        try {
            long expiresAt = claims.getExpirationTime().getValue();
            return AuthDecision.allow("jwt:" + token.issuerName(), false, expiresAt, rules);
        } catch (MalformedClaimException e) {
            return AuthDecision.deny("malformed exp claim");
        }
    }

    /**
     * The claim is the client id, or a list of client ids: one credential for a service that opens a
     * connection per task under its own client id each (the Kafka bridge, one per rule). The issuer signed
     * the list, so it still names every client the token is good for.
     */
    private static boolean namesClient(Object claim, String clientId) {
        if (claim instanceof List<?> clientIds) {
            return clientId != null && clientIds.contains(clientId);
        }
        return Objects.equals(claim, clientId);
    }
}
