package io.starlingmq.gateway.auth;

import io.quarkus.runtime.Startup;
import io.starlingmq.gateway.metrics.AuthMeters;
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
    private final String authenticationMethod;
    private final AuthMeters meters;

    @Inject
    public Authenticator(AuthConfig config, Vertx vertx, AuthMeters meters) {
        this.meters = meters;
        this.service = switch (config.mode()) {
            case ANONYMOUS -> null;
            case SERVICE -> new AuthServiceClient(vertx, config.url().orElseThrow(() -> new IllegalStateException(
                    "starling.gateway.auth.url is required when starling.gateway.auth.mode=service")),
                    config.timeout(), config.maxConcurrent());
        };
        this.authenticationMethod = config.authenticationMethod();
        if (service == null) {
            LOG.warn("starling.gateway.auth.mode=anonymous: every client may connect and use every topic; "
                    + "set mode=service with starling.gateway.auth.url to check credentials");
        }
        LOG.debugf("authentication mode: %s, enhanced authentication method: %s", config.mode(), authenticationMethod);
    }

    /**
     * Judges a CONNECT, or an MQTT 5 re-authentication (the same facts with fresh Authentication
     * Data). Enhanced authentication is offered only in service mode and only under the configured
     * method, whose Authentication Data is a JWT the auth service judges like a password.
     */
    public Uni<AuthDecision> authenticate(ConnectFacts facts) {
        long start = System.nanoTime();
        return decide(facts).invoke(decision -> meters.record(outcome(decision), System.nanoTime() - start));
    }

    private Uni<AuthDecision> decide(ConnectFacts facts) {
        String method = facts.authenticationMethod();
        if (method != null) {
            if (service == null || !method.equals(authenticationMethod)) {
                return Uni.createFrom().item(AuthDecision.deny(AuthDecision.Refusal.BAD_AUTHENTICATION_METHOD,
                        "unsupported authentication method " + method));
            }
            if (facts.authenticationData() == null || facts.authenticationData().length == 0) {
                return Uni.createFrom().item(AuthDecision.deny(AuthDecision.Refusal.BAD_CREDENTIALS,
                        "authentication method " + method + " without authentication data"));
            }
        }
        if (service == null) {
            return Uni.createFrom().item(ANONYMOUS);
        }
        return service.authenticate(facts);
    }

    private static String outcome(AuthDecision decision) {
        return switch (decision) {
            case AuthDecision.Allow allow -> AuthMeters.ALLOW;
            case AuthDecision.Deny deny -> switch (deny.refusal()) {
                case BAD_CREDENTIALS -> AuthMeters.BAD_CREDENTIALS;
                case NOT_AUTHORIZED -> AuthMeters.NOT_AUTHORIZED;
                case BAD_AUTHENTICATION_METHOD -> AuthMeters.BAD_AUTHENTICATION_METHOD;
            };
            case AuthDecision.Unavailable unavailable -> AuthMeters.UNAVAILABLE;
            case AuthDecision.Busy busy -> AuthMeters.BUSY;
        };
    }

    @PreDestroy
    void close() {
        if (service != null) {
            service.close();
        }
    }
}
