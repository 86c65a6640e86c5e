package io.starlingmq.auth.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.starlingmq.auth.testsupport.KeycloakTokens;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminApiTest {

    private static String adminToken;
    private static String viewerToken;
    private static String noRoleToken;

    @BeforeAll
    static void tokens() {
        adminToken = KeycloakTokens.adminApiToken("admin", "admin");
        viewerToken = KeycloakTokens.adminApiToken("viewer", "viewer");
        noRoleToken = KeycloakTokens.adminApiToken("nobody", "nobody");
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void adminCreatesReadsUpdatesAndDeletesADevice() {
        as(adminToken).body(Map.of("clientId", "crud-1", "username", "u1", "password", "pw-1"))
                .post("/v1/admin/devices").then().statusCode(201)
                .body("clientId", equalTo("crud-1")).body("enabled", equalTo(true))
                .body("$", not(org.hamcrest.Matchers.hasKey("passwordHash")));
        as(adminToken).body(Map.of("clientId", "crud-1", "password", "again"))
                .post("/v1/admin/devices").then().statusCode(409);

        as(viewerToken).get("/v1/admin/devices/crud-1").then().statusCode(200).body("username", equalTo("u1"));

        as(adminToken).body(Map.of("username", "u2", "superuser", true)).put("/v1/admin/devices/crud-1")
                .then().statusCode(200).body("username", equalTo("u2")).body("superuser", equalTo(true));

        as(adminToken).delete("/v1/admin/devices/crud-1").then().statusCode(204);
        as(adminToken).get("/v1/admin/devices/crud-1").then().statusCode(404);
        as(adminToken).delete("/v1/admin/devices/crud-1").then().statusCode(404);
    }

    @Test
    void devicesAreListedInPages() {
        for (int i = 0; i < 3; i++) {
            as(adminToken).body(Map.of("clientId", "page-" + i, "password", "pw")).post("/v1/admin/devices")
                    .then().statusCode(201);
        }
        as(viewerToken).queryParam("size", 2).get("/v1/admin/devices").then().statusCode(200)
                .body("items", hasSize(2)).body("size", equalTo(2)).body("page", equalTo(0));
        as(viewerToken).queryParam("size", 100).get("/v1/admin/devices").then().statusCode(200)
                .body("items.clientId", hasItem("page-2"));
        as(viewerToken).queryParam("size", 100000).get("/v1/admin/devices").then().statusCode(400);
        for (int i = 0; i < 3; i++) {
            as(adminToken).delete("/v1/admin/devices/page-" + i).then().statusCode(204);
        }
    }

    @Test
    void adminManagesRules() {
        int id = as(adminToken).body(Map.of("scope", "client", "subject", "dev-r", "priority", 5,
                        "permission", "deny", "action", "publish", "topic", "devices/${clientid}/cmd"))
                .post("/v1/admin/rules").then().statusCode(201)
                .body("scope", equalTo("client")).body("permission", equalTo("deny"))
                .extract().path("id");
        as(viewerToken).queryParam("scope", "client").queryParam("subject", "dev-r").get("/v1/admin/rules")
                .then().statusCode(200).body("items.id", hasItem(id));
        as(adminToken).body(Map.of("scope", "all", "subject", "ignored", "priority", 1,
                        "permission", "allow", "action", "all", "topic", "public/#"))
                .put("/v1/admin/rules/" + id).then().statusCode(200)
                .body("scope", equalTo("all")).body("subject", nullValue());
        as(adminToken).delete("/v1/admin/rules/" + id).then().statusCode(204);
        as(viewerToken).get("/v1/admin/rules/" + id).then().statusCode(404);
    }

    @Test
    void invalidRulesAreRefused() {
        as(adminToken).body(Map.of("scope", "client", "permission", "allow", "action", "all", "topic", "a/#"))
                .post("/v1/admin/rules").then().statusCode(400);
        as(adminToken).body(Map.of("scope", "all", "permission", "allow", "action", "all", "topic", "a/#/b"))
                .post("/v1/admin/rules").then().statusCode(400);
    }

    @Test
    void viewerMayReadButNotWrite() {
        as(viewerToken).get("/v1/admin/devices").then().statusCode(200);
        as(viewerToken).get("/v1/admin/rules").then().statusCode(200);
        as(viewerToken).body(Map.of("clientId", "viewer-made", "password", "pw"))
                .post("/v1/admin/devices").then().statusCode(403);
        as(viewerToken).body(Map.of("scope", "all", "permission", "allow", "action", "all", "topic", "#"))
                .post("/v1/admin/rules").then().statusCode(403);
    }

    @Test
    void tokenWithoutARoleIsForbidden() {
        as(noRoleToken).get("/v1/admin/devices").then().statusCode(403);
    }

    @Test
    void requestWithoutTokenIsUnauthorized() {
        given().get("/v1/admin/devices").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("clientId", "x", "password", "pw"))
                .post("/v1/admin/devices").then().statusCode(401);
    }

    @Test
    void deviceTokenIsNotAnAdminToken() {
        String deviceToken = KeycloakTokens.deviceToken("dev-1", KeycloakTokens.LOCAL_DEVICE_PASSWORD);
        as(deviceToken).get("/v1/admin/devices").then().statusCode(401);
    }

    @Test
    void openApiDocumentDescribesAuthnAndAdmin() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/v1/authn"))
                .body("paths", org.hamcrest.Matchers.hasKey("/v1/admin/devices"))
                .body("paths", org.hamcrest.Matchers.hasKey("/v1/admin/rules/{id}"));
    }
}
