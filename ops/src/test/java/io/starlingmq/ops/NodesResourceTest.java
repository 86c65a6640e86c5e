package io.starlingmq.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

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
                .body("findAll { it.role == 'router' }.node", contains("127.0.0.1:" + RouterProcess.routerPort,
                        "127.0.0.1:" + RouterProcess.deadRouterPort))
                .body("findAll { it.role == 'router' }.node_status", contains("running", "unreachable"))
                .body("findAll { it.role == 'router' && it.node_status == 'running' }[0].version", not(emptyOrNullString()))
                .body("findAll { it.role == 'router' && it.node_status == 'running' }[0].uptime", greaterThan(0))
                .body("findAll { it.role == 'ops' }", hasSize(1))
                .body("findAll { it.role == 'ops' }[0].node_status", equalTo("running"))
                .body("findAll { it.role == 'ops' }[0].uptime", greaterThan(0));
    }

    @Test
    void aRebalanceIsAcceptedForTheGatewaysOfTheRouterThatAnsweredAndRefusedToAViewer() {
        given().auth().preemptive().basic(RouterProcess.ADMIN_KEY, RouterProcess.ADMIN_SECRET)
                .when().post("/api/v5/nodes/rebalance")
                .then().statusCode(202)
                .body("gateways", hasSize(0));
        given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .when().post("/api/v5/nodes/rebalance").then().statusCode(403);
    }
}
