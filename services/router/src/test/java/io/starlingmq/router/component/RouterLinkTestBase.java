package io.starlingmq.router.component;

import io.starlingmq.contract.link.v1.RouterEvent;
import io.starlingmq.router.index.SessionDirectory;
import io.starlingmq.router.index.SubscriptionIndex;
import io.starlingmq.router.testsupport.TestGateway;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.starlingmq.router.testsupport.TestGateway.WAIT;
import static io.starlingmq.router.testsupport.TestGateway.open;
import static io.starlingmq.router.testsupport.TestGateway.sessionOpened;
import static io.starlingmq.router.testsupport.TestGateway.subscribe;
import static io.starlingmq.router.testsupport.TestGateway.subscribed;
import static org.awaitility.Awaitility.await;

/**
 * What the component tests share: gateways over real gRPC streams, ids unique to the test (tests sharing one
 * application never see each other's traffic), and the wait for their clean sessions to end.
 */
abstract class RouterLinkTestBase {

    static final long PERSISTENT = 3600;
    static final long CLEAN = 0;

    @Inject
    SessionDirectory directory;
    @Inject
    SubscriptionIndex index;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<TestGateway> gateways = new ArrayList<>();
    private final List<String> cleanClients = new ArrayList<>();

    String id(String name) {
        return name + "-" + run;
    }

    TestGateway gateway(String name) {
        TestGateway gateway = new TestGateway(name == null ? null : id(name));
        gateways.add(gateway);
        return gateway;
    }

    /** Opens a session and waits for the router's answer. */
    RouterEvent openSession(TestGateway gateway, long connectionId, String clientId, boolean cleanStart,
                            long expiry) {
        if (expiry == CLEAN) {
            cleanClients.add(clientId);
        }
        gateway.send(open(connectionId, clientId, cleanStart, expiry));
        return gateway.take(sessionOpened(connectionId));
    }

    void subscribeTo(TestGateway gateway, long connectionId, String clientId, int packetId, String filter, int qos) {
        gateway.send(subscribe(connectionId, clientId, packetId, filter, qos));
        gateway.take(subscribed(connectionId, packetId));
    }

    @AfterEach
    void endGatewaysAndWaitForTheirCleanSessionsToEnd() throws InterruptedException {
        for (TestGateway gateway : gateways) {
            gateway.close();
        }
        await().atMost(WAIT).until(() -> cleanClients.stream().allMatch(c -> directory.get(c) == null));
    }
}
