package io.starlingmq.auth.api;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;

/** Calls {@code POST /v1/authn} the way a gateway does. */
final class AuthnCalls {

    private AuthnCalls() {
    }

    static ValidatableResponse connect(String clientId, String username, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", clientId);
        body.put("username", username);
        body.put("password", password);
        body.put("peerAddress", "127.0.0.1:50000");
        body.put("protocolVersion", 5);
        return given().contentType(ContentType.JSON).body(body).post("/v1/authn").then().statusCode(200);
    }
}
