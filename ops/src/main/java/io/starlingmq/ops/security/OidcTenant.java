package io.starlingmq.ops.security;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.smallrye.mutiny.Uni;
import io.starlingmq.ops.config.OpsConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;

/**
 * Bearer tokens from the configured issuer ({@code starling.ops.oidc.auth-server-url}), their roles from the client
 * {@code starling.ops.oidc.client-id}: {@code resource_access.<client>.roles}, so the realm's own roles (the auth
 * service's) give nothing here. With a resolver registered and no {@code quarkus.oidc.auth-server-url}, Quarkus
 * disables the default tenant: without an issuer, or without a bearer token, OIDC stays out of the way and
 * HTTP Basic decides; nothing reaches for an issuer at start.
 */
@ApplicationScoped
public class OidcTenant implements TenantConfigResolver {

    static final String TENANT = "ops";

    private final Optional<OidcTenantConfig> tenant;

    @Inject
    OidcTenant(OpsConfig config) {
        tenant = config.oidc().authServerUrl().map(url -> OidcTenantConfig.authServerUrl(url)
                .tenantId(TENANT)
                .applicationType(ApplicationType.SERVICE)
                .token().audience(config.oidc().clientId()).end()
                .roles().roleClaimPath("resource_access/" + config.oidc().clientId() + "/roles").end()
                .build());
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> requestContext) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        boolean bearer = authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("bearer ");
        // Null: the disabled default tenant, so a Basic request never waits for the issuer's discovery.
        return Uni.createFrom().item(bearer ? tenant.orElse(null) : null);
    }
}
