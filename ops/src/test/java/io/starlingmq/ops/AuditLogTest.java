package io.starlingmq.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The audit trail in a real PostgreSQL. Each test sends its requests from an address of its own (X-Forwarded-For,
 * which these tests configure ops to trust) and reads back only that address's entries.
 */
@QuarkusTest
@QuarkusTestResource(value = RouterProcess.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SecurityServers.class, restrictToAnnotatedClass = false)
class AuditLogTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Test
    void aChangeIsRecordedWithWhoWhatWhenAndFromWhere() {
        String ip = address();
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        given().header("X-Forwarded-For", ip).auth().preemptive().basic(RouterProcess.ADMIN_KEY, RouterProcess.ADMIN_SECRET)
                .when().delete("/api/v5/mqtt/retainer/message/audit-one").then().statusCode(404);
        Instant after = Instant.now();

        JsonPath entry = audit("source_ip", ip).then().statusCode(200).body("meta.count", equalTo(1))
                .extract().jsonPath().setRootPath("data[0]");
        assertThat(entry.getString("source")).isEqualTo(RouterProcess.ADMIN_KEY);
        assertThat(entry.getString("from")).isEqualTo("rest_api");
        assertThat(entry.getString("source_ip")).isEqualTo(ip);
        assertThat(entry.getString("http_method")).isEqualTo("delete");
        assertThat(entry.getString("path")).isEqualTo("/api/v5/mqtt/retainer/message/audit-one");
        assertThat(entry.getInt("http_status_code")).isEqualTo(404);
        assertThat(entry.getString("operation_result")).isEqualTo("failure");
        assertThat(Instant.parse(entry.getString("created_at"))).isBetween(before, after);
    }

    @Test
    void aViewersRefusedChangeIsRecordedWith403() {
        String ip = address();
        given().header("X-Forwarded-For", ip).auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .when().delete("/api/v5/mqtt/retainer/message/audit-viewer").then().statusCode(403);
        audit("source_ip", ip).then().statusCode(200).body("meta.count", equalTo(1))
                .body("data[0].source", equalTo(RouterProcess.VIEWER_KEY)).body("data[0].http_status_code", equalTo(403));
    }

    @Test
    void aChangeWithAKeycloakTokenIsRecordedWithTheTokensUser() {
        String ip = address();
        given().header("X-Forwarded-For", ip).auth().oauth2(KeycloakTokens.token(KeycloakTokens.OPS_ADMIN))
                .when().delete("/api/v5/mqtt/retainer/message/audit-oidc").then().statusCode(404);
        audit("source_ip", ip).then().statusCode(200).body("meta.count", equalTo(1))
                .body("data[0].source", equalTo(KeycloakTokens.OPS_ADMIN)).body("data[0].from", equalTo("oidc"));
    }

    @Test
    void readsAndUnauthenticatedRequestsAreNotRecorded() {
        String ip = address();
        given().header("X-Forwarded-For", ip).auth().preemptive().basic(RouterProcess.ADMIN_KEY, RouterProcess.ADMIN_SECRET)
                .when().get("/api/v5/nodes").then().statusCode(200);
        given().header("X-Forwarded-For", ip).when().delete("/api/v5/mqtt/retainer/message/audit-anonymous")
                .then().statusCode(401);
        given().header("X-Forwarded-For", ip).auth().preemptive().basic(RouterProcess.ADMIN_KEY, RouterProcess.ADMIN_SECRET)
                .when().delete("/api/v5/mqtt/retainer/message/audit-counted").then().statusCode(404);
        audit("source_ip", ip).then().statusCode(200).body("meta.count", equalTo(1))
                .body("data.path", contains("/api/v5/mqtt/retainer/message/audit-counted"));
    }

    @Test
    void aChangeWhoseBodyIsNotJsonIsRecordedWith400() {
        String ip = address();
        given().header("X-Forwarded-For", ip).auth().preemptive().basic(RouterProcess.ADMIN_KEY, RouterProcess.ADMIN_SECRET)
                .contentType(ContentType.JSON).body("{\"name\": ").when().post("/api/v5/api_key").then().statusCode(400);
        audit("source_ip", ip).then().statusCode(200).body("meta.count", equalTo(1))
                .body("data[0].http_status_code", equalTo(400));
    }

    @Test
    void aChangeNoResourceAnswersIsRecordedJustAfterItsAnswer() {
        String ip = address();
        given().header("X-Forwarded-For", ip).auth().preemptive().basic(RouterProcess.ADMIN_KEY, RouterProcess.ADMIN_SECRET)
                .when().delete("/api/v5/no-such-resource").then().statusCode(404);
        // Written after the answer (no resource holds it back), so read until it is there.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> audit("source_ip", ip).then().statusCode(200)
                .body("meta.count", equalTo(1)).body("data[0].path", equalTo("/api/v5/no-such-resource"))
                .body("data[0].http_status_code", equalTo(404)).body("data[0].source", equalTo(RouterProcess.ADMIN_KEY)));
    }

    @Test
    void theCreationOfAKeyIsRecordedWithoutItsSecret() {
        String ip = address();
        String secret = given().header("X-Forwarded-For", ip)
                .auth().preemptive().basic(RouterProcess.ADMIN_KEY, RouterProcess.ADMIN_SECRET)
                .contentType(ContentType.JSON).body(Map.of("name", ApiKeyResourceTest.uniqueName()))
                .when().post("/api/v5/api_key").then().statusCode(200).extract().path("api_secret");
        String trail = audit("source_ip", ip).then().statusCode(200).body("meta.count", equalTo(1))
                .body("data[0].http_method", equalTo("post")).body("data[0].path", equalTo("/api/v5/api_key"))
                .extract().asString();
        assertThat(trail).doesNotContain(secret);
    }

    @Test
    void theTrailIsPagedNewestFirstAsInEmqx() {
        String ip = address();
        for (String topic : List.of("first", "second", "third")) {
            given().header("X-Forwarded-For", ip).auth().preemptive().basic(RouterProcess.ADMIN_KEY, RouterProcess.ADMIN_SECRET)
                    .when().delete("/api/v5/mqtt/retainer/message/paged-" + topic).then().statusCode(404);
        }
        auditPage(ip, 1, 2).then().statusCode(200)
                .body("data.path", contains("/api/v5/mqtt/retainer/message/paged-third",
                        "/api/v5/mqtt/retainer/message/paged-second"))
                .body("meta.page", equalTo(1)).body("meta.limit", equalTo(2))
                .body("meta.count", equalTo(3)).body("meta.hasnext", equalTo(true));
        auditPage(ip, 2, 2).then().statusCode(200)
                .body("data.path", contains("/api/v5/mqtt/retainer/message/paged-first"))
                .body("meta.count", equalTo(3)).body("meta.hasnext", equalTo(false));
    }

    @Test
    void theFiltersNarrowTheTrail() {
        String ip = address();
        given().header("X-Forwarded-For", ip).auth().preemptive().basic(RouterProcess.ADMIN_KEY, RouterProcess.ADMIN_SECRET)
                .when().delete("/api/v5/mqtt/retainer/message/filtered").then().statusCode(404);
        given().header("X-Forwarded-For", ip).auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .when().delete("/api/v5/mqtt/retainer/message/filtered").then().statusCode(403);
        asAdmin().queryParam("source_ip", ip).queryParam("source", RouterProcess.VIEWER_KEY).get("/api/v5/audit")
                .then().statusCode(200).body("meta.count", equalTo(1)).body("data[0].http_status_code", equalTo(403));
        asAdmin().queryParam("source_ip", ip).queryParam("http_status_code", 404).queryParam("http_method", "DELETE")
                .get("/api/v5/audit").then().statusCode(200).body("meta.count", equalTo(1))
                .body("data[0].source", equalTo(RouterProcess.ADMIN_KEY));
        asAdmin().queryParam("source_ip", ip).queryParam("gte_created_at", Instant.now().plusSeconds(60).toString())
                .get("/api/v5/audit").then().statusCode(200).body("meta.count", equalTo(0));
        asAdmin().queryParam("source_ip", ip).queryParam("lte_created_at", Instant.now().plusSeconds(60).toString())
                .queryParam("from", "rest_api").get("/api/v5/audit").then().statusCode(200).body("meta.count", equalTo(2));
    }

    @Test
    void aBadFilterIsRefusedWith400NamingIt() {
        asAdmin().queryParam("gte_created_at", "yesterday").get("/api/v5/audit")
                .then().statusCode(400).body("code", equalTo("BAD_REQUEST")).body("message", startsWith("gte_created_at:"));
        asAdmin().queryParam("limit", 0).get("/api/v5/audit").then().statusCode(400).body("message", startsWith("limit:"));
    }

    @Test
    void onlyAdminsReadTheTrail() {
        given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .when().get("/api/v5/audit").then().statusCode(403);
    }

    /** An address from TEST-NET-3 (RFC 5737), a different one per call. */
    private static String address() {
        int n = ADDRESSES.getAndIncrement();
        return "203.0.113." + n;
    }

    private static Response audit(String filter, String value) {
        return asAdmin().queryParam(filter, value).get("/api/v5/audit");
    }

    private static Response auditPage(String ip, int page, int limit) {
        return asAdmin().queryParam("source_ip", ip).queryParam("page", page).queryParam("limit", limit).get("/api/v5/audit");
    }

    private static RequestSpecification asAdmin() {
        return ApiKeyResourceTest.asAdmin();
    }
}
