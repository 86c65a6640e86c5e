package io.starlingmq.auth.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class AuthenticatorChainMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private static Authenticator answering(String name, Function<Credentials, Uni<AuthDecision>> answer) {
        return new Authenticator() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Uni<AuthDecision> authenticate(Credentials credentials) {
                return answer.apply(credentials);
            }
        };
    }

    private static Credentials credentials(String clientId, String password) {
        return new Credentials(clientId, clientId, password, "127.0.0.1:1", null, 5);
    }

    private final Authenticator jwt = answering("jwt", c -> Uni.createFrom().item(c.password().startsWith("ey")
            ? AuthDecision.deny("bad signature") : AuthDecision.ignore("not a token")));
    private final Authenticator password = answering("password", c -> c.clientId().equals("broken")
            ? Uni.createFrom().failure(new IllegalStateException("registry down"))
            : Uni.createFrom().item(c.clientId().equals("known")
                    ? AuthDecision.allow("password", false, null, List.of()) : AuthDecision.ignore("unknown")));

    @Test
    void eachDecisionIsCountedUnderTheAuthenticatorThatMadeIt() {
        AuthenticatorChain chain = new AuthenticatorChain(List.of(jwt, password), new AuthnMeters(registry));

        chain.authenticate(credentials("known", "secret")).await().indefinitely();
        chain.authenticate(credentials("known", "secret")).await().indefinitely();
        chain.authenticate(credentials("any", "eyJ.x.y")).await().indefinitely();
        chain.authenticate(credentials("stranger", "secret")).await().indefinitely();
        assertThatThrownBy(() -> chain.authenticate(credentials("broken", "secret")).await().indefinitely())
                .hasMessageContaining("registry down");

        assertThat(timer("allow", "password").count()).isEqualTo(2);
        assertThat(timer("deny", "jwt").count()).isEqualTo(1);
        assertThat(timer("ignore", AuthnMeters.NO_AUTHENTICATOR).count()).isEqualTo(1);
        assertThat(timer(AuthnMeters.ERROR, "password").count()).isEqualTo(1);
        // An authenticator that passed the credentials on decided nothing.
        assertThat(timer("allow", "jwt").count()).isZero();
    }

    @Test
    void theSeriesOfTheConfiguredChainExistBeforeAnyRequest() {
        new AuthenticatorChain(List.of(jwt, password), new AuthnMeters(registry));

        assertThat(registry.find("starling.auth.authn.duration").timers()).extracting(t -> t.getId().getTag("authenticator")
                + "/" + t.getId().getTag("result"))
                .containsExactlyInAnyOrder("jwt/allow", "jwt/deny", "password/allow", "password/deny", "none/ignore");
    }

    private Timer timer(String result, String authenticator) {
        return registry.get("starling.auth.authn.duration").tag("result", result).tag("authenticator", authenticator)
                .timer();
    }
}
