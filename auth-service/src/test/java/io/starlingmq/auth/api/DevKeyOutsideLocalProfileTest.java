package io.starlingmq.auth.api;

import static io.starlingmq.auth.api.AuthnCalls.connect;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.starlingmq.auth.testsupport.DevKeyFiles;
import org.junit.jupiter.api.Test;

/** The default profile has no development issuer: a dev-key token is from an untrusted issuer. */
@QuarkusTest
class DevKeyOutsideLocalProfileTest {

    @Test
    void defaultProfileDoesNotTrustTheDevKey() {
        DevKeyFiles.ensure();
        connect("dev-1", "dev-1", LocalDevTokens.signedBy(DevKeyFiles.privateKey(), "dev-1"))
                .body("result", equalTo("deny")).body("reason", equalTo("untrusted issuer"));
    }
}
