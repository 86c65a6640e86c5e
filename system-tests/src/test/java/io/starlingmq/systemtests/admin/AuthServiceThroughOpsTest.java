package io.starlingmq.systemtests.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.specification.RequestSpecification;
import io.starlingmq.systemtests.harness.AuthBackends;
import io.starlingmq.systemtests.harness.StarlingSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The auth service's devices through ops ({@code /api/v5/auth_service/devices}), REST Assured against a real auth
 * service, PostgreSQL and Keycloak: an operator's Keycloak token is passed on and the auth service decides by its
 * own roles; ops refuses a viewer's change itself, and an API key, which is ops's own, is not passed on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthServiceThroughOpsTest {

    private static final String KEY = "system-test-admin";
    private static final String SECRET = "a-long-random-secret-for-the-auth-service-test";
    private static final String DEVICE = "through-ops-meter";

    @TempDir
    static Path dir;

    private StarlingSuite suite;
    private AuthBackends backends;
    private String ops;

    @BeforeAll
    void startSuite() throws Exception {
        suite = StarlingSuite.start("auth-service-through-ops");
        backends = AuthBackends.shared();
        int authService = suite.startAuthService(backends).httpPort();
        Path keys = dir.resolve("api-keys");
        Files.writeString(keys, KEY + ":" + SECRET + "\n");
        ops = "http://127.0.0.1:" + suite.startOps(Map.of("STARLING_OPS_API_KEYS_BOOTSTRAP_FILE", keys.toString(),
                "STARLING_OPS_OIDC_AUTH_SERVER_URL", backends.realmUrl(),
                "STARLING_OPS_AUTH_SERVICE_URL", "http://127.0.0.1:" + authService)).httpPort();
    }

    @AfterAll
    void stopSuite() {
        suite.close();
    }

    @Test
    void anOperatorsTokenCreatesListsAndRemovesADeviceAndAViewersReadsButDoesNotChange() {
        String admin = token("ops-admin");
        String viewer = token("ops-viewer");

        as(admin).body("{\"clientId\":\"" + DEVICE + "\",\"password\":\"a-long-device-password\",\"enabled\":true}")
                .when().post(ops + "/api/v5/auth_service/devices")
                .then().statusCode(201)
                .body("clientId", equalTo(DEVICE))
                .body("enabled", equalTo(true));
        as(viewer).when().get(ops + "/api/v5/auth_service/devices?size=100")
                .then().statusCode(200)
                .body("items.clientId", hasItem(DEVICE));
        as(viewer).body("{\"clientId\":\"viewer-made\",\"password\":\"a-long-device-password\"}")
                .when().post(ops + "/api/v5/auth_service/devices")
                .then().statusCode(403);

        as(admin).when().delete(ops + "/api/v5/auth_service/devices/" + DEVICE).then().statusCode(204);
        as(viewer).when().get(ops + "/api/v5/auth_service/devices?size=100")
                .then().statusCode(200)
                .body("items.clientId", not(hasItem(DEVICE)));
    }

    @Test
    void anApiKeyIsNotPassedOnToTheAuthService() {
        given().auth().preemptive().basic(KEY, SECRET)
                .when().get(ops + "/api/v5/auth_service/devices")
                .then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
    }

    private RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json");
    }

    /** A token of the ops client for a user of the realm, by password grant. */
    private String token(String user) {
        return given().formParam("grant_type", "password").formParam("client_id", "ops")
                .formParam("username", user).formParam("password", user)
                .when().post(backends.realmUrl() + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
