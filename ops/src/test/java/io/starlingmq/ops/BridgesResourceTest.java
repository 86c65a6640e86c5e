package io.starlingmq.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = BridgeProcess.class, restrictToAnnotatedClass = true)
class BridgesResourceTest {

    @Test
    void aViewerSeesEveryRuleOfEveryBridgeAndABridgeThatDoesNotAnswer() {
        given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .when().get("/api/v5/bridges")
                .then().statusCode(200)
                .body("", hasSize(2))
                .body("bridge", contains("http://127.0.0.1:" + BridgeProcess.bridgePort,
                        "http://127.0.0.1:" + BridgeProcess.deadBridgePort))
                .body("[0].name", equalTo("meters"))
                .body("[0].kind", equalTo("mqtt-to-s3"))
                .body("[0].route", startsWith("mqtt $share/starling-bridge-meters/meters/# -> s3 archive/"))
                .body("[0].status", equalTo("down"))
                .body("[0].detail", startsWith("mqtt: "))
                .body("[1].name", nullValue())
                .body("[1].status", equalTo("unreachable"));
    }

    @Test
    void withoutCredentialsTheBridgesAreRefused() {
        given().when().get("/api/v5/bridges").then().statusCode(401);
    }
}
