package io.starlingmq.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RouterProcess.class, restrictToAnnotatedClass = false)
class NodesResourceTest {

    @Test
    void withoutCredentialsTheNodesAreRefusedWith401() {
        given().when().get("/api/v5/nodes").then().statusCode(401);
    }

    @Test
    void aWrongSecretIsRefusedWith401() {
        given().auth().preemptive().basic(RouterProcess.ADMIN_KEY, "not-the-secret")
                .when().get("/api/v5/nodes").then().statusCode(401);
    }

    @Test
    void aViewerSeesEveryConfiguredRouterRunningOrUnreachable() {
        given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .when().get("/api/v5/nodes")
                .then().statusCode(200)
                .body("$", hasSize(2))
                .body("node", contains("127.0.0.1:" + RouterProcess.routerPort, "127.0.0.1:" + RouterProcess.deadRouterPort))
                .body("role", contains("router", "router"))
                .body("node_status", contains("running", "unreachable"));
    }
}
