package io.starlingmq.gateway.rebalance;

import static io.starlingmq.testing.mqtt.MqttPackets.V5;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.starlingmq.contract.link.v1.FleetLoad;
import io.starlingmq.contract.link.v1.GatewayEvent;
import io.starlingmq.contract.link.v1.GatewayLoad;
import io.starlingmq.contract.link.v1.RouterEvent;
import io.starlingmq.gateway.support.LinkedGatewayTest;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A gateway that holds more than its share of the fleet's connections, as the router reports the fleet,
 * asks the surplus to leave with 0x9C Use another server, only among connections older than the minimum
 * age, and stops once the counts are within the tolerance.
 */
@QuarkusTest
@TestProfile(FastRebalanceProfile.class)
class RebalanceTest extends LinkedGatewayTest {

    private static final int CLIENTS = 10;
    private static final String OTHER = "gateway-elsewhere";
    private static final int ELSEWHERE = 3;

    private final ExecutorService readers = Executors.newCachedThreadPool();
    private final ScheduledExecutorService reports = Executors.newSingleThreadScheduledExecutor();
    private final List<RawMqttClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() throws Exception {
        for (RawMqttClient client : clients) {
            client.close();
        }
        reports.shutdownNow();
        readers.shutdownNow();
    }

    @Test
    void theSurplusOverTheFleetsShareIsAskedToLeaveOnceOldEnoughAndNoMore() throws Exception {
        List<Future<ReceivedPacket>> departures = new ArrayList<>();
        long firstConnected = System.nanoTime();
        for (int i = 0; i < CLIENTS; i++) {
            RawMqttClient client = RawMqttClient.connected(port, V5, "crowded-" + i);
            clients.add(client);
            departures.add(readers.submit(client::read));
        }
        // As a router would: the fleet's counts every half second; the clients asked to leave here
        // reconnect to the other gateway. 10 here and 3 there: the share is 6.5 and 10 is above
        // 6.5 × 1.2, so 3 should go, and then 7 and 6 are within the tolerance.
        reports.scheduleAtFixedRate(() -> router.send(fleet(ELSEWHERE + (int) done(departures))), 0, 500,
                TimeUnit.MILLISECONDS);

        // Rounds run every second; until the first connection is MIN_AGE old, none may ask.
        long young = firstConnected + Duration.ofSeconds(FastRebalanceProfile.MIN_AGE_SECONDS).toNanos();
        Thread.sleep(Duration.ofNanos(young - System.nanoTime()).minusMillis(200));
        assertThat(departures).as("no connection younger than the minimum age is asked").noneMatch(Future::isDone);

        await().atMost(Duration.ofSeconds(15)).until(() -> done(departures) >= 3);
        Thread.sleep(Duration.ofSeconds(5));
        assertThat(done(departures)).as("exactly the surplus is asked; within the tolerance, nobody else").isEqualTo(3);
        for (Future<ReceivedPacket> departure : departures) {
            if (departure.isDone()) {
                ReceivedPacket disconnect = departure.get();
                assertThat(disconnect.type()).isEqualTo(ReceivedPacket.DISCONNECT);
                assertThat(disconnect.disconnectReasonCode()).as("Use another server").isEqualTo(0x9C);
            }
        }
        await("the heartbeats report the gateway's connections").atMost(Duration.ofSeconds(10))
                .until(() -> reportedConnections() == CLIENTS - 3);
    }

    private long reportedConnections() {
        List<GatewayEvent> heartbeats = router.events(GatewayEvent::hasHeartbeat);
        return heartbeats.isEmpty() ? -1 : heartbeats.getLast().getHeartbeat().getConnections();
    }

    private static RouterEvent fleet(int elsewhere) {
        return RouterEvent.newBuilder().setFleetLoad(FleetLoad.newBuilder()
                .addGateways(GatewayLoad.newBuilder().setGatewayId(OTHER).setConnections(elsewhere))).build();
    }

    private static long done(List<Future<ReceivedPacket>> departures) {
        return departures.stream().filter(Future::isDone).count();
    }
}
