package io.starlingmq.systemtests;

import static io.starlingmq.testing.mqtt.MqttPackets.V311;
import static io.starlingmq.testing.mqtt.MqttPackets.V5;
import static org.assertj.core.api.Assertions.assertThat;

import io.starlingmq.systemtests.harness.StarlingSuite;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A gateway that is stopped (SIGTERM) asks its clients to leave one after another at the drain's pace,
 * not all at once: MQTT 5 clients get DISCONNECT 0x9C Use another server with the configured Server
 * Reference, 3.1.1 clients are closed.
 */
class GatewayDrainTest {

    private static final int MAX_RATE = 5;
    private static final long INTERVAL_MILLIS = 1000 / MAX_RATE;
    /**
     * How much closer two DISCONNECTs may arrive than the gateway sent them: the difference of two
     * deliveries' latencies over loopback (a few milliseconds), with room for a scheduling pause of a
     * busy two-core host. A drain that asked everyone at once leaves gaps of about 0 ms.
     */
    private static final long DELIVERY_JITTER_MILLIS = 50;
    private static final String SERVER_REFERENCE = "gateway-b.example:1883";
    private static final int MQTT5_CLIENTS = 6;
    private static final int MQTT311_CLIENTS = 2;

    private StarlingSuite suite;
    private final ExecutorService readers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        readers.shutdownNow();
        suite.close();
    }

    @Test
    void aStoppedGatewayAsksItsClientsToLeaveAtTheDrainPaceWithItsServerReference() throws Exception {
        suite = StarlingSuite.start("gateway-drain");
        suite.startGateway("gateway-a", Map.of(
                "STARLING_GATEWAY_DRAIN_WINDOW", "0s",
                "STARLING_GATEWAY_DRAIN_MAX_RATE", Integer.toString(MAX_RATE),
                "STARLING_GATEWAY_DRAIN_TIMEOUT", "10s",
                "STARLING_GATEWAY_DRAIN_SERVER_REFERENCE", SERVER_REFERENCE));
        int port = suite.mqttPort("gateway-a");
        List<Future<Departure>> departures = new ArrayList<>();
        List<RawMqttClient> clients = new ArrayList<>();
        for (int i = 0; i < MQTT5_CLIENTS + MQTT311_CLIENTS; i++) {
            int version = i < MQTT5_CLIENTS ? V5 : V311;
            RawMqttClient client = RawMqttClient.connected(port, version, "drained-" + i);
            clients.add(client);
            departures.add(readers.submit(() -> departure(client, version)));
        }

        CompletableFuture.runAsync(() -> suite.process("gateway-a").close());

        List<Long> arrivals = new ArrayList<>();
        for (Future<Departure> future : departures) {
            Departure departure = future.get();
            if (departure.version() == V5) {
                assertThat(departure.disconnect()).as("an MQTT 5 client is told why").isNotNull();
                assertThat(departure.disconnect().disconnectReasonCode()).isEqualTo(0x9C);
                assertThat(departure.disconnect().disconnectProperties()).containsEntry(0x1C, SERVER_REFERENCE);
            } else {
                assertThat(departure.disconnect()).as("a 3.1.1 client is closed without a DISCONNECT").isNull();
            }
            arrivals.add(departure.atMillis());
        }
        for (RawMqttClient client : clients) {
            client.close();
        }
        List<Long> sorted = arrivals.stream().sorted().toList();
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(sorted.get(i) - sorted.get(i - 1))
                    .as("gap between departures %d and %d (all: %s)", i - 1, i, sorted)
                    .isGreaterThanOrEqualTo(INTERVAL_MILLIS - DELIVERY_JITTER_MILLIS);
        }
    }

    /** Reads until the gateway ends the connection: its DISCONNECT (if any) and when the end came. */
    private static Departure departure(RawMqttClient client, int version) throws Exception {
        ReceivedPacket disconnect = null;
        for (ReceivedPacket packet : client.readUntilClosed()) {
            if (packet.type() == ReceivedPacket.DISCONNECT) {
                disconnect = packet;
            }
        }
        return new Departure(version, disconnect, System.nanoTime() / 1_000_000);
    }

    private record Departure(int version, ReceivedPacket disconnect, long atMillis) {
    }
}
