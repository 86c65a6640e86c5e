package io.starlingmq.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RouterProcess.class, restrictToAnnotatedClass = false)
class PublishResourceTest {

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic(RouterProcess.ADMIN_KEY, RouterProcess.ADMIN_SECRET)
                .contentType(ContentType.JSON);
    }

    @Test
    void aPublishNoSubscriptionMatchesAnswers202WithEmqxsReasonCode16() {
        admin().body("{\"topic\":\"ops/test/nobody\",\"payload\":\"hello\",\"qos\":1,"
                        + "\"properties\":{\"user_properties\":{\"k\":\"v\"},\"message_expiry_interval\":60}}")
                .when().post("/api/v5/publish")
                .then().statusCode(202)
                .body("reason_code", equalTo(16))
                .body("message", equalTo("no_matching_subscribers"))
                .body("id", matchesPattern("[0-9a-f]{32}"));
    }

    @Test
    void eachBadFieldIsNamedInA400() {
        assertBadRequest("{\"topic\":\"a/+\",\"payload\":\"x\"}", "topic: a topic name, not a filter: no + or #");
        assertBadRequest("{\"payload\":\"x\"}", "topic: is required");
        assertBadRequest("{\"topic\":\"a\"}", "payload: is required (an empty string for an empty payload)");
        assertBadRequest("{\"topic\":\"a\",\"payload\":\"x\",\"qos\":3}", "qos: must be 0, 1 or 2");
        assertBadRequest("{\"topic\":\"a\",\"payload\":\"%%%\",\"payload_encoding\":\"base64\"}",
                "payload: not base64: Illegal base64 character 25");
        assertBadRequest("{\"topic\":\"a\",\"payload\":\"x\",\"payload_encoding\":\"hex\"}",
                "payload_encoding: must be plain or base64");
        assertBadRequest("{\"topic\":\"a\",\"payload\":\"x\",\"properties\":{\"payload_format_indicator\":2}}",
                "properties.payload_format_indicator: must be 0 or 1");
    }

    @Test
    void aBulkPublishAnswersOneResultPerMessageAndPublishesNothingWhenOneIsBad() {
        admin().body("[{\"topic\":\"ops/bulk/1\",\"payload\":\"a\"},{\"topic\":\"ops/bulk/2\",\"payload\":\"Yg==\","
                        + "\"payload_encoding\":\"base64\"}]")
                .when().post("/api/v5/publish/bulk")
                .then().statusCode(202)
                .body("$", hasSize(2))
                .body("[1].reason_code", equalTo(16));
        admin().body("[{\"topic\":\"ops/bulk/1\",\"payload\":\"a\"},{\"payload\":\"b\"}]")
                .when().post("/api/v5/publish/bulk")
                .then().statusCode(400)
                .body("message", equalTo("[1].topic: is required"));
    }

    @Test
    void aViewerMayNotPublishA403() {
        given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .contentType(ContentType.JSON).body("{\"topic\":\"a\",\"payload\":\"x\"}")
                .when().post("/api/v5/publish")
                .then().statusCode(403);
    }

    private static void assertBadRequest(String body, String message) {
        admin().body(body).when().post("/api/v5/publish")
                .then().statusCode(400)
                .body("code", equalTo("BAD_REQUEST"))
                .body("message", equalTo(message));
    }
}
