package io.starlingmq.auth.api;

import static io.starlingmq.auth.api.AuthnCalls.connect;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.starlingmq.auth.testsupport.DevKeyFiles;
import io.starlingmq.auth.testsupport.LocalProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code local} profile trusts the development key file, with the same checks as any issuer. */
@QuarkusTest
@TestProfile(LocalProfile.class)
class LocalDevIssuerTest {

    @Test
    void tokenSignedWithTheDevKeyIsAllowedWithTheRulesFromItsClaim() {
        connect("dev-1", "dev-1", LocalDevTokens.signedBy(DevKeyFiles.privateKey(), "dev-1"))
                .body("result", equalTo("allow"))
                .body("reason", equalTo("jwt:local"))
                .body("rules.action", contains("publish", "subscribe"))
                .body("rules.topics", contains(contains("devices/dev-1/#"), contains("devices/dev-1/#")));
    }

    @Test
    void tokenWithTheLocalIssuerSignedWithAnotherKeyIsDenied() {
        String forged = LocalDevTokens.signedBy(DevKeyFiles.rsaPair().getPrivate(), "dev-1");
        connect("dev-1", "dev-1", forged)
                .body("result", equalTo("deny")).body("reason", equalTo("bad signature")).body("rules", hasSize(0));
    }

    @Test
    void tokenForAListOfClientIdsIsAllowedForEachOfThemOnly() {
        String token = LocalDevTokens.signedForClients(DevKeyFiles.privateKey(),
                List.of("starling-bridge-local-to-kafka", "starling-bridge-local-from-kafka"));

        connect("starling-bridge-local-to-kafka", "starling-bridge", token)
                .body("result", equalTo("allow"))
                .body("rules.topics", contains(contains("devices/starling-bridge-local-to-kafka/#"),
                        contains("devices/starling-bridge-local-to-kafka/#")));
        connect("starling-bridge-local-from-kafka", "starling-bridge", token).body("result", equalTo("allow"));
        connect("starling-bridge-local-other", "starling-bridge", token)
                .body("result", equalTo("deny")).body("reason", equalTo("client id does not match claim client_id"));
    }

    @Test
    void devKeyTokenOfAnotherClientIsDenied() {
        connect("dev-2", "dev-2", LocalDevTokens.signedBy(DevKeyFiles.privateKey(), "dev-1"))
                .body("result", equalTo("deny")).body("reason", equalTo("client id does not match claim client_id"));
    }
}
