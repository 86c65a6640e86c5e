package io.starlingmq.router.component;

import io.quarkus.test.junit.QuarkusTest;
import io.starlingmq.router.testsupport.TestGateway;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static io.starlingmq.router.testsupport.TestGateway.WAIT;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.not;

/** The meters a gateway's traffic moves, as Prometheus reads them from /q/metrics. */
@QuarkusTest
class RouterMetersTest extends RouterLinkTestBase {

    @Test
    void aGatewaysTrafficShowsInItsLinkMetersTheStoreTimersAndTheRoutedCountByQos() throws InterruptedException {
        TestGateway gateway = gateway("metered");
        openSession(gateway, 1, id("c"), true, CLEAN);
        gateway.send(TestGateway.publish(1, id("c"), 7, id("t"), "x", 2));
        gateway.take(TestGateway.publishDone(1, 7));
        String label = "gateway=\"" + id("metered") + "\"";

        given().when().get("/q/metrics").then().statusCode(200)
                .body(matchesRegex("(?s).*starling_router_link_frames_received_total\\{" + label + "} [1-9].*"))
                .body(matchesRegex("(?s).*starling_router_link_frames_sent_total\\{" + label + "} [1-9].*"))
                .body(containsString("starling_router_link_pending_events{" + label + "}"))
                .body(matchesRegex("(?s).*starling_router_messages_routed_by_qos_total\\{qos=\"2\"} [1-9].*"))
                .body(matchesRegex("(?s).*starling_store_call_duration_seconds_count\\{operation=\"open\",outcome=\"ok\",store=\"memory\"} [1-9].*"))
                .body(containsString("starling_store_call_duration_seconds_bucket{operation=\"open\",outcome=\"ok\",store=\"memory\",le=\"0.001\"}"))
                .body(containsString("starling_router_sessions "))
                .body(containsString("starling_router_subscriptions "))
                .body(containsString("starling_router_retained_messages "))
                .body(containsString("starling_router_messages_dropped_by_reason_total{reason=\"queue_full\"}"))
                .body(containsString("starling_router_sessions_expired_total"))
                .body(containsString("starling_router_link_congested_total"))
                .body(containsString("starling_store_changes_applied_total"));

        gateway.close();
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/q/metrics").then()
                .body(not(containsString(label))));
    }
}
