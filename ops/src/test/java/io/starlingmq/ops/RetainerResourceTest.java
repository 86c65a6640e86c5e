package io.starlingmq.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RouterProcess.class, restrictToAnnotatedClass = false)
class RetainerResourceTest {

    /** Paths are sent as written: the topics in them are already URL-encoded, as EMQX's API takes them. */
    private static RequestSpecification admin() {
        return given().urlEncodingEnabled(false).auth().preemptive().basic(RouterProcess.ADMIN_KEY, RouterProcess.ADMIN_SECRET);
    }

    @Test
    void aRetainedPublishIsListedReadAndDeletedThenNotFound() {
        try {
            for (String topic : new String[] {"ops/retained/b", "ops/retained/a", "ops/retained/c"}) {
                admin().contentType(ContentType.JSON)
                        .body("{\"topic\":\"" + topic + "\",\"payload\":\"hi\",\"qos\":1,\"retain\":true,\"clientid\":\"op\"}")
                        .when().post("/api/v5/publish").then().statusCode(202);
            }
            admin().queryParam("page", 1).queryParam("limit", 2)
                    .when().get("/api/v5/mqtt/retainer/messages")
                    .then().statusCode(200)
                    .body("data", hasSize(2))
                    .body("data[0].topic", equalTo("ops/retained/a"))
                    .body("data[0].qos", equalTo(1))
                    .body("data[0].from_clientid", equalTo("op"))
                    .body("meta.count", equalTo(3))
                    .body("meta.hasnext", equalTo(true));
            admin().queryParam("page", 2).queryParam("limit", 2)
                    .when().get("/api/v5/mqtt/retainer/messages")
                    .then().statusCode(200)
                    .body("data.topic", equalTo(java.util.List.of("ops/retained/c")))
                    .body("meta.hasnext", equalTo(false));
            admin().when().get("/api/v5/mqtt/retainer/message/ops%2Fretained%2Fb")
                    .then().statusCode(200)
                    .body("topic", equalTo("ops/retained/b"))
                    .body("payload", equalTo("aGk="));
            admin().when().delete("/api/v5/mqtt/retainer/message/ops%2Fretained%2Fb").then().statusCode(204);
            admin().when().get("/api/v5/mqtt/retainer/message/ops%2Fretained%2Fb")
                    .then().statusCode(404)
                    .body("code", equalTo("NOT_FOUND"));
            admin().when().delete("/api/v5/mqtt/retainer/message/ops%2Fretained%2Fb").then().statusCode(404);
        } finally {
            for (String topic : new String[] {"a", "b", "c"}) {
                admin().when().delete("/api/v5/mqtt/retainer/message/ops%2Fretained%2F" + topic);
            }
        }
    }

    @Test
    void aPageOrLimitOutOfRangeIsNamedInA400() {
        admin().queryParam("page", 0).when().get("/api/v5/mqtt/retainer/messages")
                .then().statusCode(400).body("message", equalTo("page: from 1"));
        admin().queryParam("limit", 0).when().get("/api/v5/mqtt/retainer/messages")
                .then().statusCode(400).body("message", equalTo("limit: from 1 to 10000"));
    }

    @Test
    void aViewerMayReadButNotDelete() {
        given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .when().get("/api/v5/mqtt/retainer/messages").then().statusCode(200);
        given().urlEncodingEnabled(false).auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .when().delete("/api/v5/mqtt/retainer/message/ops%2Fx").then().statusCode(403);
    }
}
