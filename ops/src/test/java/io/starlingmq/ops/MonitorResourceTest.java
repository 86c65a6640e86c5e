package io.starlingmq.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The monitor series, sampled every second here (RouterProcess), from the real test router. */
@QuarkusTest
@QuarkusTestResource(value = RouterProcess.class, restrictToAnnotatedClass = false)
class MonitorResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void samplesHaveEmqxsFieldsInTimeOrderAndLatestKeepsTheRecentOnes() {
        await().atMost(WAIT).until(() -> monitor("").getList("$").size() >= 5);
        long before = System.currentTimeMillis();
        JsonPath all = monitor("");
        List<Long> times = all.getList("time_stamp", Long.class);
        assertThat(times).isSorted().doesNotHaveDuplicates();
        assertThat(times.getLast()).isBetween(before - 5_000, before);
        Map<String, Object> last = all.getMap("[-1]");
        assertThat(last).containsKeys("connections", "live_connections", "sessions", "subscriptions",
                "retained_msg_count", "received", "sent", "dropped", "gateways");

        List<Long> recent = monitor("?latest=2").getList("time_stamp", Long.class);
        assertThat(recent).isNotEmpty().allSatisfy(t -> assertThat(t).isGreaterThanOrEqualTo(before - 2_000));
        // One sample a second: the last 2 seconds hold at most 3 (at both ends and between).
        assertThat(recent).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void aBadLatestIs400() {
        for (String latest : List.of("0", "-5", "soon")) {
            given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                    .when().get("/api/v5/monitor?latest=" + latest)
                    .then().statusCode(400).body("code", equalTo("BAD_REQUEST"));
        }
    }

    @Test
    void publishesShowInTheSamplesAndAsARate() {
        // Wait for a sample taken after now, so that every earlier publish (of other tests) is in the series.
        long mark = System.currentTimeMillis();
        await().atMost(WAIT).until(() -> monitor("").getList("time_stamp", Long.class).getLast() > mark);
        long received = sum(monitor("").getList("received", Long.class));
        long total = current().getLong("received");
        for (int i = 0; i < 5; i++) {
            publish();
        }
        // Each sample counts its interval's messages: over the series they add up to what was published.
        await().atMost(WAIT).untilAsserted(() -> assertThat(sum(monitor("").getList("received", Long.class)))
                .isEqualTo(received + 5));
        assertThat(current().getLong("received")).isEqualTo(total + 5);
        // A sample whose interval had a publish has a rate above 0; keep publishing until the latest one did.
        await().atMost(WAIT).untilAsserted(() -> {
            publish();
            assertThat(current().getDouble("received_msg_rate")).isPositive();
        });
    }

    @Test
    void currentHasTheCountsAndRates() {
        given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .when().get("/api/v5/monitor_current")
                .then().statusCode(200)
                .body("connections", equalTo(0))
                .body("sent_msg_rate", equalTo(0.0f))
                .body("dropped_msg_rate", equalTo(0.0f))
                .body("gateways", equalTo(Map.of()));
    }

    @Test
    void withoutAKeyIs401() {
        given().when().get("/api/v5/monitor").then().statusCode(401);
        given().when().get("/api/v5/monitor_current").then().statusCode(401);
    }

    private static void publish() {
        given().auth().preemptive().basic(RouterProcess.ADMIN_KEY, RouterProcess.ADMIN_SECRET)
                .contentType(ContentType.JSON).body("{\"topic\":\"ops/monitor\",\"payload\":\"x\"}")
                .when().post("/api/v5/publish").then().statusCode(202);
    }

    private static JsonPath monitor(String query) {
        return given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .when().get("/api/v5/monitor" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath current() {
        return given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .when().get("/api/v5/monitor_current")
                .then().statusCode(200).extract().jsonPath();
    }

    private static long sum(List<Long> counts) {
        return counts.stream().mapToLong(Long::longValue).sum();
    }
}
