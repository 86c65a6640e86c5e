package io.starlingmq.ops.audit;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Records a change a resource answered (its success, a viewer's 403, a bad body's 400, a 404 of the resource)
 * before the answer leaves, so a change its caller saw answered is in the trail. What no resource answers is
 * left to {@link ChangeRequests}.
 */
public class AuditFilter {

    @Inject
    AuditLog log;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    CurrentVertxRequest requests;

    @ServerResponseFilter
    public Uni<Void> recorded(ContainerResponseContext response) {
        RoutingContext routing = requests.getCurrent();
        if (!ChangeRequests.takeOver(routing)) {
            return Uni.createFrom().voidItem();
        }
        int status = response.getStatus();
        return identities.getDeferredIdentity()
                .chain(identity -> ChangeRequests.entry(routing, identity, status).map(log::record)
                        .orElseGet(() -> Uni.createFrom().voidItem()));
    }
}
