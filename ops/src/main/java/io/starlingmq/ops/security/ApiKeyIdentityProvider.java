package io.starlingmq.ops.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * HTTP Basic with an API key as user name and its secret as password, as EMQX's API takes them: first the bootstrap
 * file's keys, then the stored ones. A bootstrap key's principal is the key itself, a stored key's its name.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Inject
    ApiKeys bootstrapKeys;

    @Inject
    ApiKeyStore storedKeys;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String key = request.getUsername();
        String secret = new String(request.getPassword().getPassword());
        Optional<Role> bootstrap = bootstrapKeys.verify(key, secret);
        if (bootstrap.isPresent()) {
            return Uni.createFrom().item(identity(key, bootstrap.get()));
        }
        return storedKeys.verify(key, secret).map(stored -> stored.map(k -> identity(k.name(), k.role()))
                .orElseThrow(() -> new AuthenticationFailedException("unknown, disabled or expired API key, or wrong secret")));
    }

    private static SecurityIdentity identity(String name, Role role) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name)).addRole(role.roleName())
                .addAttribute(Caller.FROM_ATTRIBUTE, Caller.API_KEY).build();
    }
}
