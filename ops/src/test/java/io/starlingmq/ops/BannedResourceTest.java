package io.starlingmq.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RouterProcess.class, restrictToAnnotatedClass = false)
class BannedResourceTest {

    @Test
    void aBanIsAnsweredInEmqxShapeAndListed() {
        admin().body("{\"as\":\"clientid\",\"who\":\"listed-rogue\",\"reason\":\"flooding\"}")
                .when().post("/api/v5/banned")
                .then().statusCode(200)
                .body("as", equalTo("clientid"))
                .body("who", equalTo("listed-rogue"))
                .body("by", equalTo(RouterProcess.ADMIN_KEY))
                .body("reason", equalTo("flooding"))
                .body("until", equalTo("infinity"))
                .body("at", containsString("T"));

        viewer().when().get("/api/v5/banned?limit=10000")
                .then().statusCode(200)
                .body("data.who", hasItem("listed-rogue"))
                .body("meta.page", equalTo(1))
                .body("meta.limit", equalTo(10000));
        admin().when().delete("/api/v5/banned/clientid/listed-rogue").then().statusCode(204);
    }

    @Test
    void theSameBanTwiceIsRefusedAsEmqxDoes() {
        admin().body("{\"as\":\"username\",\"who\":\"twice\"}").when().post("/api/v5/banned").then().statusCode(200);

        admin().body("{\"as\":\"username\",\"who\":\"twice\"}").when().post("/api/v5/banned")
                .then().statusCode(400)
                .body("code", equalTo("ALREADY_EXISTS"));
        admin().when().delete("/api/v5/banned/username/twice").then().statusCode(204);
    }

    @Test
    void aNetworkBanIsLiftedWithItsSlashEncoded() {
        admin().body("{\"as\":\"peerhost_net\",\"who\":\"10.99.0.0/16\",\"until\":\"2999-01-01T00:00:00Z\"}")
                .when().post("/api/v5/banned")
                .then().statusCode(200)
                .body("until", equalTo("2999-01-01T00:00:00Z"));

        admin().urlEncodingEnabled(false).when().delete("/api/v5/banned/peerhost_net/10.99.0.0%2F16")
                .then().statusCode(204);
        viewer().when().get("/api/v5/banned?limit=10000").then().body("data.who", not(hasItem("10.99.0.0/16")));
    }

    @Test
    void liftingABanThatIsNotThereIs404() {
        admin().when().delete("/api/v5/banned/clientid/never-banned")
                .then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void badBansAre400NamingTheField() {
        admin().body("{\"as\":\"nickname\",\"who\":\"x\"}").when().post("/api/v5/banned")
                .then().statusCode(400).body("message", containsString("as:"));
        admin().body("{\"as\":\"clientid\"}").when().post("/api/v5/banned")
                .then().statusCode(400).body("message", containsString("who:"));
        admin().body("{\"as\":\"peerhost\",\"who\":\"not-an-ip\"}").when().post("/api/v5/banned")
                .then().statusCode(400).body("code", equalTo("BAD_REQUEST"))
                .body("message", containsString("not an IP address"));
        admin().body("{\"as\":\"clientid_re\",\"who\":\"(unclosed\"}").when().post("/api/v5/banned")
                .then().statusCode(400).body("message", containsString("regular expression"));
        admin().body("{\"as\":\"clientid\",\"who\":\"x\",\"until\":\"tomorrow\"}").when().post("/api/v5/banned")
                .then().statusCode(400).body("message", containsString("until:"));
        admin().body("{\"as\":\"clientid\",\"who\":\"x\",\"until\":\"2001-01-01T00:00:00Z\"}").when().post("/api/v5/banned")
                .then().statusCode(400).body("message", containsString("past"));
    }

    @Test
    void aViewerMayListButNotBan() {
        viewer().body("{\"as\":\"clientid\",\"who\":\"x\"}").when().post("/api/v5/banned").then().statusCode(403);
        viewer().when().delete("/api/v5/banned/clientid/x").then().statusCode(403);
        given().when().get("/api/v5/banned").then().statusCode(401);
    }

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic(RouterProcess.ADMIN_KEY, RouterProcess.ADMIN_SECRET)
                .contentType("application/json");
    }

    private static RequestSpecification viewer() {
        return given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .contentType("application/json");
    }
}
