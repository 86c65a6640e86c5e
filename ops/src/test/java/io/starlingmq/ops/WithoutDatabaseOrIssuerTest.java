package io.starlingmq.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ops as {@code ./starling up --anonymous} runs it: no database, no issuer, only the bootstrap file's keys. It starts
 * without reaching for either, and the endpoints that need the database say so.
 */
@QuarkusTest
@TestProfile(WithoutDatabaseOrIssuerTest.BootstrapKeysOnly.class)
class WithoutDatabaseOrIssuerTest {

    public static class BootstrapKeysOnly implements QuarkusTestProfile {

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path keys = Files.createTempFile("ops-api-keys", ".txt");
                Files.writeString(keys, RouterProcess.ADMIN_KEY + ":" + RouterProcess.ADMIN_SECRET + "\n"
                        + RouterProcess.VIEWER_KEY + ":" + RouterProcess.VIEWER_SECRET + ":viewer\n");
                return Map.of("starling.ops.api-keys.bootstrap-file", keys.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void theApiKeyEndpointsAnswer503NamingTheMissingDatabase() {
        given().auth().preemptive().basic(RouterProcess.ADMIN_KEY, RouterProcess.ADMIN_SECRET)
                .when().get("/api/v5/api_key")
                .then().statusCode(503).body("code", equalTo("SERVICE_UNAVAILABLE"))
                .body("message", containsString("quarkus.datasource.reactive.url"));
        given().auth().preemptive().basic(RouterProcess.ADMIN_KEY, RouterProcess.ADMIN_SECRET)
                .contentType("application/json").body(Map.of("name", "k1")).when().post("/api/v5/api_key")
                .then().statusCode(503);
    }

    @Test
    void theAuditTrailAnswers503ForItGoesToTheLog() {
        given().auth().preemptive().basic(RouterProcess.ADMIN_KEY, RouterProcess.ADMIN_SECRET)
                .when().get("/api/v5/audit")
                .then().statusCode(503).body("code", equalTo("SERVICE_UNAVAILABLE"))
                .body("message", containsString("log"));
    }

    @Test
    void bootstrapKeysKeepTheirRolesAndABearerTokenIsRefusedWith401() {
        given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .when().get("/api/v5/api_key").then().statusCode(403);
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")
                .when().get("/api/v5/api_key").then().statusCode(401);
    }

    @Test
    void theDashboardOffersApiKeysOnly() {
        given().when().get("/api/v5/dashboard/config")
                .then().statusCode(200).body("api_key", equalTo(true)).body("oidc", nullValue());
    }

    @Test
    void withoutAnAuthServiceItsDevicesAnswer503NamingTheSetting() {
        given().auth().preemptive().basic(RouterProcess.ADMIN_KEY, RouterProcess.ADMIN_SECRET)
                .when().get("/api/v5/auth_service/devices")
                .then().statusCode(503).body("code", equalTo("SERVICE_UNAVAILABLE"))
                .body("message", containsString("starling.ops.auth-service.url"));
        given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .contentType("application/json").body("{}")
                .when().post("/api/v5/auth_service/rules")
                .then().statusCode(403);
    }
}
