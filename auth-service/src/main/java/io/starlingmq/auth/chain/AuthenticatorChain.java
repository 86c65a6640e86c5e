package io.starlingmq.auth.chain;

import io.smallrye.mutiny.Uni;
import io.starlingmq.auth.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** Asks the configured authenticators in order; the first answer other than ignore decides. */
@ApplicationScoped
public class AuthenticatorChain {

    private static final Logger LOG = Logger.getLogger(AuthenticatorChain.class);

    private final List<Authenticator> ordered;

    public AuthenticatorChain(AuthConfig config, Instance<Authenticator> available) {
        Map<String, Authenticator> byName = available.stream()
                .collect(Collectors.toMap(Authenticator::name, Function.identity()));
        List<Authenticator> chain = new ArrayList<>();
        for (String name : config.chain()) {
            Authenticator authenticator = byName.get(name.trim());
            if (authenticator == null) {
                throw new IllegalStateException("starling.auth.chain names unknown authenticator '"
                        + name + "'; known: " + byName.keySet());
            }
            chain.add(authenticator);
        }
        this.ordered = List.copyOf(chain);
        LOG.infof("Authenticator chain: %s", config.chain());
    }

    public Uni<AuthDecision> authenticate(Credentials credentials) {
        return ask(0, credentials);
    }

    private Uni<AuthDecision> ask(int index, Credentials credentials) {
        if (index == ordered.size()) {
            return Uni.createFrom().item(AuthDecision.ignore("no authenticator recognised the credentials"));
        }
        return ordered.get(index).authenticate(credentials).flatMap(decision -> decision.outcome() == Outcome.IGNORE
                ? ask(index + 1, credentials)
                : Uni.createFrom().item(decision));
    }
}
