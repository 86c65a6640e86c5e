package io.starlingmq.auth.api;

import static io.starlingmq.auth.api.AuthnCalls.connect;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.starlingmq.auth.testsupport.DevKeyFiles;
import io.starlingmq.auth.testsupport.LocalProfile;
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
    void devKeyTokenOfAnotherClientIsDenied() {
        connect("dev-2", "dev-2", LocalDevTokens.signedBy(DevKeyFiles.privateKey(), "dev-1"))
                .body("result", equalTo("deny")).body("reason", equalTo("client id does not match claim client_id"));
    }
}
