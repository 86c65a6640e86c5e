package io.starlingmq.auth.testsupport;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.ConfigProvider;

/** Access tokens from the test Keycloak, by password grant on the realm's clients. */
public final class KeycloakTokens {

    public static final String DEVICES_CLIENT_SECRET = "starling-devices-local-secret";
    /** The password of every device user of the realm; `./starling token` uses it too. */
    public static final String LOCAL_DEVICE_PASSWORD = "starling-local-device";

    private KeycloakTokens() {
    }

    public static String deviceToken(String username, String password) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "starling-devices")
                .formParam("client_secret", DEVICES_CLIENT_SECRET)
                .formParam("username", username)
                .formParam("password", password)
                .post(tokenUrl())
                .then().statusCode(200)
                .extract().path("access_token");
    }

    public static String adminApiToken(String username, String password) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "starling-admin")
                .formParam("username", username)
                .formParam("password", password)
                .post(tokenUrl())
                .then().statusCode(200)
                .extract().path("access_token");
    }

    private static String tokenUrl() {
        String base = ConfigProvider.getConfig().getValue("starling.test.keycloak.url", String.class);
        return base + "/realms/starling/protocol/openid-connect/token";
    }
}
