package io.starlingmq.auth.chain;

import io.smallrye.mutiny.Uni;
import io.starlingmq.auth.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
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
    private final AuthnMeters meters;

    @Inject
    public AuthenticatorChain(AuthConfig config, Instance<Authenticator> available, AuthnMeters meters) {
        this(configured(config, available), meters);
        LOG.infof("Authenticator chain: %s", config.chain());
    }

    private static List<Authenticator> configured(AuthConfig config, Instance<Authenticator> available) {
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
        return chain;
    }

    AuthenticatorChain(List<Authenticator> ordered, AuthnMeters meters) {
        this.ordered = List.copyOf(ordered);
        this.meters = meters;
        meters.expect(this.ordered.stream().map(Authenticator::name).toList());
    }

    public Uni<AuthDecision> authenticate(Credentials credentials) {
        return ask(0, credentials, System.nanoTime());
    }

    private Uni<AuthDecision> ask(int index, Credentials credentials, long start) {
        if (index == ordered.size()) {
            meters.decided(AuthnMeters.NO_AUTHENTICATOR, Outcome.IGNORE, System.nanoTime() - start);
            return Uni.createFrom().item(AuthDecision.ignore("no authenticator recognised the credentials"));
        }
        Authenticator authenticator = ordered.get(index);
        return authenticator.authenticate(credentials)
                .onFailure().invoke(failure -> meters.failed(authenticator.name(), System.nanoTime() - start))
                .flatMap(decision -> {
                    if (decision.outcome() == Outcome.IGNORE) {
                        return ask(index + 1, credentials, start);
                    }
                    meters.decided(authenticator.name(), decision.outcome(), System.nanoTime() - start);
                    return Uni.createFrom().item(decision);
                });
    }
}
