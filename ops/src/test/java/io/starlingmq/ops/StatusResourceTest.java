package io.starlingmq.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RouterProcess.class, restrictToAnnotatedClass = false)
class StatusResourceTest {

    @Test
    void theStatusAnswersWithoutCredentialsAsEmqxDoesWhileARouterAnswers() {
        given().when().get("/api/v5/status")
                .then().statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("is running"));
    }
}
