package io.starlingmq.router.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.starlingmq.contract.link.v1.RouterEvent;
import io.starlingmq.contract.reason.ConnackReason;
import io.starlingmq.router.session.RouterLeave;
import io.starlingmq.router.testsupport.TestGateway;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A router that shuts down first leaves: it tells every gateway, refuses new sessions, and keeps serving the
 * ones it holds until the gateways moved them (closed them here), then its shutdown goes on.
 */
@QuarkusTest
@TestProfile(LeavingRouterProfile.class)
class RouterLeaveTest extends RouterLinkTestBase {

    @Inject
    RouterLeave leave;

    @Test
    void aLeavingRouterTellsTheGatewaysRefusesNewSessionsAndWaitsUntilItsSessionsMoved() throws Exception {
        TestGateway gateway = gateway("gw");
        String held = id("held");
        String publisher = id("publisher");
        gateway.connectAndSubscribe(1, held, id("t"), 1);

        Thread leaving = Thread.ofVirtual().start(() -> leave.leave(Duration.ofSeconds(30)));

        gateway.take(event -> event.getEventCase() == RouterEvent.EventCase.ROUTER_LEAVING);
        gateway.send(TestGateway.open(2, publisher, true, 0));
        RouterEvent refused = gateway.take(TestGateway.sessionOpened(2));
        assertThat(refused.getSessionOpened().getReasonCode()).as("a new session is refused: server unavailable")
                .isEqualTo(ConnackReason.SERVER_UNAVAILABLE.code());
        // the session it holds is still served meanwhile
        gateway.send(TestGateway.subscribe(1, held, 2, id("u"), 1));
        gateway.take(TestGateway.subscribed(1, 2));
        assertThat(leaving.isAlive()).as("still waiting while a session is held here").isTrue();

        gateway.send(TestGateway.close(1, held));

        await("the leave ends once no session is held").atMost(Duration.ofSeconds(10)).until(() -> !leaving.isAlive());
    }
}
