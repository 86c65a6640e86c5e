package io.starlingmq.auth.api;

import io.smallrye.mutiny.Uni;
import io.starlingmq.auth.chain.AuthDecision;
import io.starlingmq.auth.chain.AuthenticatorChain;
import io.starlingmq.auth.chain.Credentials;
import io.starlingmq.auth.chain.Outcome;
import io.starlingmq.auth.rules.RuleAssembler;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/** The internal endpoint gateways call on every CONNECT. Not exposed outside the cluster network. */
@Path("/v1/authn")
@Tag(name = "authn", description = "Device authentication, called by gateways")
public class AuthnResource {

    private static final Logger LOG = Logger.getLogger(AuthnResource.class);

    private final AuthenticatorChain chain;
    private final RuleAssembler rules;

    public AuthnResource(AuthenticatorChain chain, RuleAssembler rules) {
        this.chain = chain;
        this.rules = rules;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Authenticate a connecting device and return its access rules")
    public Uni<AuthnResponse> authenticate(AuthnRequest request) {
        if (request == null || request.clientId() == null || request.clientId().isEmpty()) {
            throw new BadRequestException("clientId is required");
        }
        Credentials credentials = request.toCredentials();
        return chain.authenticate(credentials).flatMap(decision -> answer(credentials, decision));
    }

    private Uni<AuthnResponse> answer(Credentials credentials, AuthDecision decision) {
        LOG.debugf("CONNECT %s from %s: %s (%s)", credentials.clientId(), credentials.peerAddress(),
                decision.outcome(), decision.reason());
        if (decision.outcome() != Outcome.ALLOW) {
            return Uni.createFrom().item(new AuthnResponse(decision.outcome(), decision.reason(), false, null, List.of()));
        }
        return rules.rulesFor(credentials.clientId(), credentials.username(), decision.credentialRules())
                .map(resolved -> new AuthnResponse(Outcome.ALLOW, decision.reason(), decision.superuser(),
                        decision.expiresAt(), resolved));
    }
}
