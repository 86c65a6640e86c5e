package io.starlingmq.ops.security;

import io.quarkus.oidc.OIDCException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * A bearer token while the configured issuer cannot be reached (its discovery document or keys): 503 in EMQX's error
 * shape, so a script can tell "try again" from "refused", instead of Quarkus's 500 with a stack trace per request.
 */
@ApplicationScoped
public class IssuerUnavailable {

    private static final Logger LOG = Logger.getLogger(IssuerUnavailable.class);
    private static final String BODY = "{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"the token issuer cannot be reached; "
            + "try again, or use an API key\"}";

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext routing) {
        if (!(routing.failure() instanceof OIDCException failure) || routing.response().headWritten()) {
            routing.next();
            return;
        }
        LOG.warnf("bearer token refused with 503: %s", failure.getMessage());
        routing.response().setStatusCode(503).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(BODY);
    }
}
