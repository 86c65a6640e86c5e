package io.starlingmq.bridge.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The rules listing and readiness of a bridge whose one rule cannot reach Starling (see test application.properties). */
@QuarkusTest
class RulesResourceTest {

    @Test
    void everyRuleIsListedWithItsRouteAndWhyItIsDown() {
        given().when().get("/api/v1/rules").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].name", equalTo("meters"))
                .body("[0].kind", equalTo("mqtt-to-s3"))
                .body("[0].route", equalTo("mqtt $share/starling-bridge-meters/meters/# -> s3 archive/${topic}/${seq}.jsonl.gz"))
                .body("[0].status", equalTo("down"))
                .body("[0].detail", startsWith("mqtt: "));
    }

    @Test
    void theBridgeIsNotReadyWhileARuleIsDownAndSaysWhichAndWhy() {
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks[0].name", equalTo("bridge-rules"))
                .body("checks[0].data.meters", startsWith("DOWN: mqtt: "));
    }

    @Test
    void theBridgeIsAliveWhileItsRulesWait() {
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
