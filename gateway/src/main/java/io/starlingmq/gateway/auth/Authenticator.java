package io.starlingmq.gateway.auth;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Decides every CONNECT: in {@code anonymous} mode everyone may connect and do anything; in
 * {@code service} mode the auth service decides. Created at startup so that a missing
 * {@code starling.gateway.auth.url} stops the gateway instead of the first CONNECT.
 */
@Startup
@ApplicationScoped
public class Authenticator {

    private static final Logger LOG = Logger.getLogger(Authenticator.class);
    /** Anonymous mode: a superuser, so no rule applies, and nothing expires. */
    private static final AuthDecision ANONYMOUS = AuthDecision.allow(List.of(), true, null);

    /** Null in anonymous mode. */
    private final AuthServiceClient service;

    @Inject
    public Authenticator(AuthConfig config, Vertx vertx) {
        this.service = switch (config.mode()) {
            case ANONYMOUS -> null;
            case SERVICE -> new AuthServiceClient(vertx, config.url().orElseThrow(() -> new IllegalStateException(
                    "starling.gateway.auth.url is required when starling.gateway.auth.mode=service")),
                    config.timeout(), config.maxConcurrent());
        };
        LOG.debugf("authentication mode: %s", config.mode());
    }

    public Uni<AuthDecision> authenticate(ConnectFacts facts) {
        // Enhanced authentication (AUTH exchanges) is not offered, whatever the mode.
        if (facts.authenticationMethod() != null) {
            return Uni.createFrom().item(AuthDecision.deny(AuthDecision.Refusal.BAD_AUTHENTICATION_METHOD,
                    "unsupported authentication method " + facts.authenticationMethod()));
        }
        if (service == null) {
            return Uni.createFrom().item(ANONYMOUS);
        }
        return service.authenticate(facts);
    }

    @PreDestroy
    void close() {
        if (service != null) {
            service.close();
        }
    }
}
