package io.starlingmq.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Bearer tokens from a real Keycloak (the repository's realm), their roles from the client ops. */
@QuarkusTest
@QuarkusTestResource(value = RouterProcess.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SecurityServers.class, restrictToAnnotatedClass = false)
class OidcRolesTest {

    @Test
    void aViewersTokenReadsAndIsRefusedAChangeWith403() {
        String token = KeycloakTokens.token(KeycloakTokens.OPS_VIEWER);
        given().auth().oauth2(token).when().get("/api/v5/nodes").then().statusCode(200);
        given().auth().oauth2(token).when().delete("/api/v5/mqtt/retainer/message/oidc%2Fviewer").then().statusCode(403);
        given().auth().oauth2(token).when().get("/api/v5/api_key").then().statusCode(403);
    }

    @Test
    void anAdminsTokenMayChangeAndManageKeys() {
        String token = KeycloakTokens.token(KeycloakTokens.OPS_ADMIN);
        given().auth().oauth2(token).when().delete("/api/v5/mqtt/retainer/message/oidc%2Fadmin")
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(token).when().get("/api/v5/api_key").then().statusCode(200);
    }

    @Test
    void aTokenWithTheRealmsAdminRoleButNoRoleOfTheOpsClientIsRefusedWith403() {
        String token = KeycloakTokens.token(KeycloakTokens.AUTH_ADMIN, "admin");
        given().auth().oauth2(token).when().get("/api/v5/nodes").then().statusCode(403);
    }

    @Test
    void aTamperedOrMadeUpTokenIsRefusedWith401() {
        String token = KeycloakTokens.token(KeycloakTokens.OPS_ADMIN);
        int dot = token.lastIndexOf('.');
        String tampered = token.substring(0, dot + 1) + new StringBuilder(token.substring(dot + 1)).reverse();
        given().auth().oauth2(tampered).when().get("/api/v5/nodes").then().statusCode(401);
        given().auth().oauth2("not-a-token").when().get("/api/v5/nodes").then().statusCode(401);
    }

    @Test
    void withoutCredentialsTheApiStillAnswers401BesideOidc() {
        given().when().get("/api/v5/nodes").then().statusCode(401);
    }

    @Test
    void anApiKeyStillWorksBesideOidc() {
        given().auth().preemptive().basic(RouterProcess.ADMIN_KEY, RouterProcess.ADMIN_SECRET)
                .when().get("/api/v5/api_key").then().statusCode(200);
    }
}
