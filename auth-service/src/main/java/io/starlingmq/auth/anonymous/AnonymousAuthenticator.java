package io.starlingmq.auth.anonymous;

import io.smallrye.mutiny.Uni;
import io.starlingmq.auth.chain.AuthDecision;
import io.starlingmq.auth.chain.Authenticator;
import io.starlingmq.auth.chain.Credentials;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Lets a device without a password in; active only when listed in {@code starling.auth.chain}.
 * A device that sent a password nobody recognised is ignored, not let in anonymously.
 */
@ApplicationScoped
public class AnonymousAuthenticator implements Authenticator {

    @Override
    public String name() {
        return "anonymous";
    }

    @Override
    public Uni<AuthDecision> authenticate(Credentials credentials) {
        if (credentials.hasPassword()) {
            return Uni.createFrom().item(AuthDecision.ignore("credentials given"));
        }
        return Uni.createFrom().item(AuthDecision.allow("anonymous", false, null, List.of()));
    }
}
