package io.starlingmq.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smallrye.mutiny.Uni;
import io.starlingmq.rules.AccessRule;
import io.starlingmq.rules.Action;
import io.starlingmq.rules.Permission;
import io.starlingmq.launcher.FreePort;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthServiceClientTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ALLOW_DEV_1 = """
            {"result": "allow", "reason": "jwt:keycloak", "superuser": false, "expiresAt": 1767225600,
             "rules": [{"permission": "allow", "action": "publish", "topics": ["devices/dev-1/#"]},
                       {"permission": "deny", "action": "subscribe", "topics": ["devices/dev-1/secret", "x/y"]}]}
            """;

    private static Vertx vertx;
    private FakeAuthService service;
    private AuthServiceClient client;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.closeAndAwait();
    }

    @BeforeEach
    void startService() throws IOException {
        service = new FakeAuthService();
        client = new AuthServiceClient(vertx, service.url(), Duration.ofSeconds(5), 4);
    }

    @AfterEach
    void stopService() {
        client.close();
        service.close();
    }

    private static ConnectFacts facts(String clientId, byte[] password) {
        return new ConnectFacts(clientId, "user-" + clientId, password, "10.0.0.7:53211", "CN=" + clientId, 5, null, null);
    }

    private static ConnectFacts facts(String clientId) {
        return facts(clientId, "secret".getBytes(StandardCharsets.UTF_8));
    }

    private static AuthDecision decided(Uni<AuthDecision> decision) {
        return decision.await().atMost(WAIT);
    }

    @Test
    void allowAnswerBecomesRulesSuperuserFlagAndExpiry() {
        service.answer(200, ALLOW_DEV_1);

        AuthDecision decision = decided(client.authenticate(facts("dev-1")));

        assertThat(decision).isEqualTo(AuthDecision.allow(List.of(
                new AccessRule(Permission.ALLOW, Action.PUBLISH, List.of("devices/dev-1/#")),
                new AccessRule(Permission.DENY, Action.SUBSCRIBE, List.of("devices/dev-1/secret", "x/y"))),
                false, Instant.ofEpochSecond(1767225600)));
    }

    @Test
    void superuserWithoutExpiryIsKeptAsSuch() {
        service.answer(200, """
                {"result": "allow", "superuser": true, "expiresAt": null, "rules": []}""");

        AuthDecision decision = decided(client.authenticate(facts("ops")));

        assertThat(decision).isInstanceOfSatisfying(AuthDecision.Allow.class, allow -> {
            assertThat(allow.superuser()).isTrue();
            assertThat(allow.expiry()).isEmpty();
        });
    }

    @Test
    void requestCarriesEveryConnectFactWithThePasswordAsText() {
        service.answer(200, ALLOW_DEV_1);

        decided(client.authenticate(facts("dev-1")));

        assertThat(service.requests()).hasSize(1);
        JsonObject sent = new JsonObject(service.requests().get(0));
        assertThat(sent.getMap()).containsEntry("clientId", "dev-1")
                .containsEntry("username", "user-dev-1")
                .containsEntry("password", "secret")
                .containsEntry("peerAddress", "10.0.0.7:53211")
                .containsEntry("certificateSubject", "CN=dev-1")
                .containsEntry("protocolVersion", 5);
    }

    @Test
    void denyIsBadCredentialsAndIgnoreIsNotAuthorized() {
        service.answer(200, """
                {"result": "deny", "reason": "jwt: expired", "superuser": false, "rules": []}""");
        assertThat(decided(client.authenticate(facts("dev-1"))))
                .isEqualTo(AuthDecision.deny(AuthDecision.Refusal.BAD_CREDENTIALS, "jwt: expired"));

        service.answer(200, """
                {"result": "ignore", "reason": "no authenticator", "superuser": false, "rules": []}""");
        assertThat(decided(client.authenticate(facts("dev-1"))))
                .isEqualTo(AuthDecision.deny(AuthDecision.Refusal.NOT_AUTHORIZED, "no authenticator"));
    }

    @Test
    void passwordThatIsNotUtf8IsRefusedWithoutAskingTheService() {
        AuthDecision decision = decided(client.authenticate(facts("dev-1", new byte[] {(byte) 0xC3, (byte) 0x28})));

        assertThat(decision).isInstanceOfSatisfying(AuthDecision.Deny.class,
                deny -> assertThat(deny.refusal()).isEqualTo(AuthDecision.Refusal.BAD_CREDENTIALS));
        assertThat(service.requests()).isEmpty();
    }

    @Test
    void serverErrorIsUnavailable() {
        service.answer(503, "{\"result\": \"allow\", \"rules\": []}");

        assertThat(decided(client.authenticate(facts("dev-1")))).isInstanceOf(AuthDecision.Unavailable.class);
    }

    @Test
    void answerOutsideTheContractIsUnavailable() {
        service.answer(200, "{\"result\": \"allow\", \"rules\": [{\"permission\": \"allow\", \"action\": \"publish\","
                + " \"topics\": [\"a/#/b\"]}]}");
        assertThat(decided(client.authenticate(facts("dev-1")))).isInstanceOf(AuthDecision.Unavailable.class);

        service.answer(200, "not json");
        assertThat(decided(client.authenticate(facts("dev-1")))).isInstanceOf(AuthDecision.Unavailable.class);

        service.answer(200, "{\"result\": \"maybe\"}");
        assertThat(decided(client.authenticate(facts("dev-1")))).isInstanceOf(AuthDecision.Unavailable.class);
    }

    @Test
    void slowAnswerPastTheTimeoutIsUnavailable() {
        service.answer(200, ALLOW_DEV_1);
        service.hold();
        try (AuthServiceClient impatient = new AuthServiceClient(vertx, service.url(), Duration.ofMillis(300), 4)) {
            assertThat(decided(impatient.authenticate(facts("dev-1")))).isInstanceOf(AuthDecision.Unavailable.class);
        }
    }

    @Test
    void refusedConnectionIsUnavailable() throws IOException {
        int closedPort = FreePort.find();
        try (AuthServiceClient nowhere = new AuthServiceClient(vertx,
                URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(5), 4)) {
            assertThat(decided(nowhere.authenticate(facts("dev-1")))).isInstanceOf(AuthDecision.Unavailable.class);
        }
    }

    @Test
    void callsBeyondMaxConcurrentAreBusyAndPermitsComeBackWhenCallsEnd() {
        service.answer(200, ALLOW_DEV_1);
        service.hold();
        try (AuthServiceClient narrow = new AuthServiceClient(vertx, service.url(), Duration.ofSeconds(10), 2)) {
            CompletableFuture<AuthDecision> first = narrow.authenticate(facts("dev-1")).subscribeAsCompletionStage();
            CompletableFuture<AuthDecision> second = narrow.authenticate(facts("dev-1")).subscribeAsCompletionStage();
            await().atMost(WAIT).until(() -> service.heldRequests() == 2);

            assertThat(decided(narrow.authenticate(facts("dev-1")))).isInstanceOf(AuthDecision.Busy.class);

            service.release();
            assertThat(first).succeedsWithin(WAIT).isInstanceOf(AuthDecision.Allow.class);
            assertThat(second).succeedsWithin(WAIT).isInstanceOf(AuthDecision.Allow.class);
            assertThat(decided(narrow.authenticate(facts("dev-1")))).isInstanceOf(AuthDecision.Allow.class);
        }
    }
}
