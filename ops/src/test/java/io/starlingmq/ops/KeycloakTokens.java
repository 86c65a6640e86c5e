package io.starlingmq.ops;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.ConfigProvider;

/** Access tokens from the test Keycloak: password grant on the realm's client {@code ops}. */
final class KeycloakTokens {

    /** The realm's ops users; each one's password is its name. */
    static final String OPS_ADMIN = "ops-admin";
    static final String OPS_VIEWER = "ops-viewer";
    /** The auth service's admin: realm role admin, no role of the ops client. */
    static final String AUTH_ADMIN = "admin";

    private KeycloakTokens() {
    }

    static String token(String user, String password) {
        String base = ConfigProvider.getConfig().getValue("starling.test.keycloak.url", String.class);
        return given().formParam("grant_type", "password")
                .formParam("client_id", "ops")
                .formParam("username", user)
                .formParam("password", password)
                .post(base + "/realms/starling/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    static String token(String user) {
        return token(user, user);
    }
}
