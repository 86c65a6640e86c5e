package io.starlingmq.auth.api;

import static io.restassured.RestAssured.given;
import static io.starlingmq.auth.api.AuthnCalls.connect;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.starlingmq.auth.testsupport.KeycloakTokens;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PasswordAuthenticationTest {

    private static String adminToken;
    private Integer clientRule;
    private Integer allRule;

    @BeforeAll
    static void adminToken() {
        adminToken = KeycloakTokens.adminApiToken("admin", "admin");
    }

    /** Per test, because the rule for all devices must not leak into other test classes. */
    @BeforeEach
    void registerDeviceAndRules() {
        admin().body(Map.of("clientId", "pw-dev", "username", "pw-user", "password", "correct horse"))
                .post("/v1/admin/devices").then().statusCode(201);
        admin().body(Map.of("clientId", "pw-off", "password", "correct horse", "enabled", false))
                .post("/v1/admin/devices").then().statusCode(201);
        clientRule = admin().body(Map.of("scope", "client", "subject", "pw-dev", "priority", 0,
                        "permission", "allow", "action", "publish", "topic", "devices/${clientid}/#"))
                .post("/v1/admin/rules").then().statusCode(201).extract().path("id");
        allRule = admin().body(Map.of("scope", "all", "priority", 0,
                        "permission", "allow", "action", "subscribe", "topic", "users/${username}/inbox"))
                .post("/v1/admin/rules").then().statusCode(201).extract().path("id");
    }

    @AfterEach
    void removeThem() {
        admin().delete("/v1/admin/devices/pw-dev");
        admin().delete("/v1/admin/devices/pw-off");
        admin().delete("/v1/admin/rules/" + clientRule);
        admin().delete("/v1/admin/rules/" + allRule);
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(adminToken).contentType(ContentType.JSON);
    }

    @Test
    void rightPasswordIsAllowedWithRegistryRulesInOrderAndSubstituted() {
        connect("pw-dev", "pw-user", "correct horse")
                .body("result", equalTo("allow"))
                .body("reason", equalTo("password"))
                .body("expiresAt", nullValue())
                .body("rules.action", contains("publish", "subscribe"))
                .body("rules.topics", contains(contains("devices/pw-dev/#"), contains("users/pw-user/inbox")));
    }

    @Test
    void registryRulesComeByScopeClientUsernameAllThenByPriorityWhateverTheirAge() {
        int usernameLow = rule("username", "pw-user", 7, "usernames/low");
        int usernameHigh = rule("username", "pw-user", 3, "usernames/high");
        int clientLate = rule("client", "pw-dev", -1, "clients/first");
        int otherUser = rule("username", "someone-else", 0, "never/mine");
        try {
            connect("pw-dev", "pw-user", "correct horse")
                    .body("result", equalTo("allow"))
                    .body("rules.topics", contains(contains("clients/first"), contains("devices/pw-dev/#"),
                            contains("usernames/high"), contains("usernames/low"), contains("users/pw-user/inbox")));
        } finally {
            for (int id : new int[] {usernameLow, usernameHigh, clientLate, otherUser}) {
                admin().delete("/v1/admin/rules/" + id);
            }
        }
    }

    private static int rule(String scope, String subject, int priority, String topic) {
        return admin().body(Map.of("scope", scope, "subject", subject, "priority", priority,
                        "permission", "allow", "action", "publish", "topic", topic))
                .post("/v1/admin/rules").then().statusCode(201).extract().path("id");
    }

    @Test
    void wrongPasswordIsDenied() {
        connect("pw-dev", "pw-user", "battery staple").body("result", equalTo("deny"))
                .body("reason", equalTo("bad password"));
    }

    @Test
    void usernameOtherThanTheRegisteredOneIsDenied() {
        connect("pw-dev", "someone-else", "correct horse").body("result", equalTo("deny"));
    }

    @Test
    void disabledDeviceIsDenied() {
        connect("pw-off", null, "correct horse").body("result", equalTo("deny"))
                .body("reason", equalTo("device disabled"));
    }

    @Test
    void unknownDeviceIsIgnoredSoNoAuthenticatorAllowsIt() {
        connect("nobody-knows-me", "x", "correct horse").body("result", equalTo("ignore"))
                .body("rules", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void deviceWithoutCredentialsIsNotLetInWhileAnonymousIsOff() {
        connect("no-creds", null, null).body("result", equalTo("ignore"));
    }

    @Test
    void requestWithoutClientIdIsRefused() {
        given().contentType(ContentType.JSON).body(Map.of("password", "x")).post("/v1/authn").then().statusCode(400);
    }
}
