package io.starlingmq.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.starlingmq.contract.reason.ConnackReason;
import io.starlingmq.gateway.metrics.AuthMeters;
import io.starlingmq.gateway.mqtt.Connacks;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static Vertx vertx;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AuthMeters meters = new AuthMeters(registry);

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.closeAndAwait();
    }

    private record Settings(Mode mode, Optional<URI> url) implements AuthConfig {
        @Override
        public Duration timeout() {
            return Duration.ofSeconds(5);
        }

        @Override
        public int maxConcurrent() {
            return 4;
        }

        @Override
        public PublishDenied publishDenied() {
            return PublishDenied.DROP;
        }

        @Override
        public String authenticationMethod() {
            return "JWT";
        }

        @Override
        public CertificateIdentity certificateIdentity() {
            return CertificateIdentity.NONE;
        }
    }

    private static ConnectFacts facts(String authenticationMethod) {
        return enhanced(authenticationMethod, null);
    }

    private static ConnectFacts enhanced(String authenticationMethod, String authenticationData) {
        return new ConnectFacts("dev-1", "dev-1", "pw".getBytes(StandardCharsets.UTF_8), "10.0.0.7:1", null, 5,
                authenticationMethod,
                authenticationData == null ? null : authenticationData.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anonymousModeAllowsEveryoneEverythingWithoutExpiry() {
        Authenticator authenticator = new Authenticator(new Settings(AuthConfig.Mode.ANONYMOUS, Optional.empty()), vertx, meters);

        AuthDecision decision = authenticator.authenticate(facts(null)).await().atMost(WAIT);

        assertThat(decision).isInstanceOfSatisfying(AuthDecision.Allow.class, allow -> {
            ConnectionAccess access = ConnectionAccess.of(allow);
            assertThat(access.mayPublish("any/topic")).isTrue();
            assertThat(access.maySubscribe("#")).isTrue();
            assertThat(access.expiresAt()).isEmpty();
        });
    }

    @Test
    void enhancedAuthenticationIsRefusedInAnonymousModeEvenUnderTheConfiguredMethod() {
        Authenticator authenticator = new Authenticator(new Settings(AuthConfig.Mode.ANONYMOUS, Optional.empty()), vertx, meters);

        AuthDecision decision = authenticator.authenticate(enhanced("JWT", "header.claims.signature")).await().atMost(WAIT);

        assertThat(Connacks.reasonFor(decision)).isEqualTo(ConnackReason.BAD_AUTHENTICATION_METHOD);
    }

    @Test
    void configuredMethodSendsTheAuthenticationDataAsThePassword() throws IOException {
        try (FakeAuthService service = new FakeAuthService()) {
            service.answer(200, """
                    {"result": "allow", "reason": "jwt", "superuser": false, "rules": []}""");
            Authenticator authenticator = new Authenticator(
                    new Settings(AuthConfig.Mode.SERVICE, Optional.of(service.url())), vertx, meters);
            try {
                AuthDecision decision = authenticator.authenticate(enhanced("JWT", "header.claims.signature"))
                        .await().atMost(WAIT);

                assertThat(decision).isInstanceOf(AuthDecision.Allow.class);
                assertThat(service.requests()).singleElement().satisfies(request -> assertThat(
                        new JsonObject(request).getString("password")).isEqualTo("header.claims.signature"));
            } finally {
                authenticator.close();
            }
        }
    }

    @Test
    void otherMethodIsRefusedWithoutAskingTheAuthService() throws IOException {
        try (FakeAuthService service = new FakeAuthService()) {
            Authenticator authenticator = new Authenticator(
                    new Settings(AuthConfig.Mode.SERVICE, Optional.of(service.url())), vertx, meters);
            try {
                AuthDecision decision = authenticator.authenticate(enhanced("SCRAM-SHA-256", "client-first"))
                        .await().atMost(WAIT);

                assertThat(Connacks.reasonFor(decision)).isEqualTo(ConnackReason.BAD_AUTHENTICATION_METHOD);
                assertThat(service.requests()).isEmpty();
            } finally {
                authenticator.close();
            }
        }
    }

    @Test
    void configuredMethodWithoutAuthenticationDataIsBadCredentials() throws IOException {
        try (FakeAuthService service = new FakeAuthService()) {
            Authenticator authenticator = new Authenticator(
                    new Settings(AuthConfig.Mode.SERVICE, Optional.of(service.url())), vertx, meters);
            try {
                AuthDecision decision = authenticator.authenticate(enhanced("JWT", null)).await().atMost(WAIT);

                assertThat(Connacks.reasonFor(decision)).isEqualTo(ConnackReason.BAD_USER_NAME_OR_PASSWORD);
                assertThat(service.requests()).isEmpty();
            } finally {
                authenticator.close();
            }
        }
    }

    @Test
    void unknownEnhancedAuthenticationMethodIsRefusedInAnonymousMode() {
        Authenticator authenticator = new Authenticator(new Settings(AuthConfig.Mode.ANONYMOUS, Optional.empty()), vertx, meters);

        AuthDecision decision = authenticator.authenticate(facts("SCRAM-SHA-256")).await().atMost(WAIT);

        assertThat(Connacks.reasonFor(decision)).isEqualTo(ConnackReason.BAD_AUTHENTICATION_METHOD);
    }

    @Test
    void serviceModeWithoutUrlFailsAtStartup() {
        assertThatThrownBy(() -> new Authenticator(new Settings(AuthConfig.Mode.SERVICE, Optional.empty()), vertx, meters))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("starling.gateway.auth.url");
    }

    @Test
    void serviceModeAsksTheAuthService() throws IOException {
        try (FakeAuthService service = new FakeAuthService()) {
            service.answer(200, """
                    {"result": "ignore", "reason": "nobody knows dev-1", "superuser": false, "rules": []}""");
            Authenticator authenticator = new Authenticator(
                    new Settings(AuthConfig.Mode.SERVICE, Optional.of(service.url())), vertx, meters);
            try {
                AuthDecision decision = authenticator.authenticate(facts(null)).await().atMost(WAIT);

                assertThat(Connacks.reasonFor(decision)).isEqualTo(ConnackReason.NOT_AUTHORIZED);
                assertThat(service.requests()).hasSize(1);
            } finally {
                authenticator.close();
            }
        }
    }

    @Test
    void everyDecisionIsTimedUnderItsOutcome() throws IOException {
        try (FakeAuthService service = new FakeAuthService()) {
            service.answer(200, """
                    {"result": "deny", "reason": "password", "superuser": false, "rules": []}""");
            Authenticator authenticator = new Authenticator(
                    new Settings(AuthConfig.Mode.SERVICE, Optional.of(service.url())), vertx, meters);
            try {
                authenticator.authenticate(facts(null)).await().atMost(WAIT);
                authenticator.authenticate(facts(null)).await().atMost(WAIT);
                authenticator.authenticate(enhanced("SCRAM-SHA-256", "client-first")).await().atMost(WAIT);
            } finally {
                authenticator.close();
            }
        }

        assertThat(timer(AuthMeters.BAD_CREDENTIALS).count()).isEqualTo(2);
        // The service's answer took a round trip over HTTP: more than nothing.
        assertThat(timer(AuthMeters.BAD_CREDENTIALS).totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
        assertThat(timer(AuthMeters.BAD_AUTHENTICATION_METHOD).count()).isEqualTo(1);
        assertThat(timer(AuthMeters.ALLOW).count()).isZero();
    }

    private Timer timer(String outcome) {
        return registry.get("starling.gateway.auth.duration").tag("outcome", outcome).timer();
    }
}
