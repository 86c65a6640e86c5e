package io.starlingmq.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.starlingmq.launcher.FreePort;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An issuer is configured where nothing listens: ops starts all the same, and API keys do not wait for it. */
@QuarkusTest
@TestProfile(UnreachableIssuerTest.IssuerDown.class)
class UnreachableIssuerTest {

    public static class IssuerDown extends WithoutDatabaseOrIssuerTest.BootstrapKeysOnly {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("starling.ops.oidc.auth-server-url", "http://127.0.0.1:" + FreePort.find() + "/realms/starling");
            return config;
        }
    }

    @Test
    void aBearerTokenIsAnswered503WhileTheIssuerCannotBeReached() {
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")
                .when().get("/api/v5/nodes")
                .then().statusCode(503).body("code", equalTo("SERVICE_UNAVAILABLE"));
    }

    @Test
    void anApiKeyIsCheckedWithoutTheIssuer() {
        given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .when().get("/api/v5/api_key").then().statusCode(403);
        given().auth().preemptive().basic(RouterProcess.ADMIN_KEY, RouterProcess.ADMIN_SECRET)
                .when().get("/api/v5/api_key").then().statusCode(503);
    }
}
