package io.starlingmq.systemtests.conformance;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import io.starlingmq.systemtests.harness.StarlingSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of every conformance test: the shared suite, names unique to the test (client ids and topics,
 * so tests never see each other's sessions or messages), and clients closed after each test.
 */
@ExtendWith(ConformanceSuite.class)
public abstract class ConformanceTest {

    /** Generous bound for anything the broker does asynchronously. */
    protected static final Duration WAIT = Duration.ofSeconds(20);
    protected static final int V311 = MqttPackets.V311;
    protected static final int V5 = MqttPackets.V5;

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final List<AutoCloseable> opened = new ArrayList<>();
    private String testName;

    @BeforeEach
    void nameTheTest(TestInfo info) {
        testName = info.getTestMethod().map(method -> method.getName()).orElse("test");
    }

    @AfterEach
    void closeClients() {
        for (AutoCloseable closeable : opened.reversed()) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // Already closed by the broker or by the test.
            }
        }
        opened.clear();
    }

    protected static StarlingSuite suite() {
        return ConformanceSuite.suite();
    }

    protected static int portA() {
        return suite().mqttPort(ConformanceSuite.GATEWAY_A);
    }

    protected static int portB() {
        return suite().mqttPort(ConformanceSuite.GATEWAY_B);
    }

    /** Gateway c: Server Keep Alive, Response Information and topic limits configured. */
    protected static int portC() {
        return suite().mqttPort(ConformanceSuite.GATEWAY_C);
    }

    /** A client id no other test uses: the test's name shortened, and a sequence number. */
    protected String clientId(String role) {
        String base = testName.length() > 24 ? testName.substring(0, 24) : testName;
        return base + "-" + role + "-" + SEQUENCE.incrementAndGet();
    }

    /** A topic no other test uses. */
    protected String topic(String leaf) {
        return "conformance/" + testName + "/" + SEQUENCE.incrementAndGet() + "/" + leaf;
    }

    /** A raw socket to gateway a, closed after the test. */
    protected RawMqttClient raw(int version) throws IOException {
        return closeLater(RawMqttClient.open(portA(), version));
    }

    /** A raw socket to gateway a that is connected (CONNACK success), closed after the test. */
    protected RawMqttClient rawConnected(int version, String clientId) throws IOException {
        return closeLater(RawMqttClient.connected(portA(), version, clientId));
    }

    protected RawMqttClient rawConnected(int version, byte[] connect) throws IOException {
        return closeLater(RawMqttClient.connected(portA(), version, connect));
    }

    /** A raw 5.0 socket to the given gateway that is connected, closed after the test. */
    protected RawMqttClient rawConnectedTo(int port, String clientId) throws IOException {
        return closeLater(RawMqttClient.connected(port, V5, clientId));
    }

    /** SUBSCRIBE (5.0) with the given options byte and properties; fails unless SUBACK grants {@code expected}. */
    protected static void subscribe(RawMqttClient client, int packetId, byte[] properties, int options, String filter,
                                    int expected) throws IOException {
        client.send(MqttPackets.subscribe(V5, packetId, properties, options, filter));
        ReceivedPacket suback = client.readUntil(ReceivedPacket.SUBACK);
        assertThat(suback.filterReasonCodes()).as("SUBACK for %s", filter).containsExactly(expected);
    }

    /** A QoS 1 PUBLISH (5.0) answered by its PUBACK; returns the PUBACK. */
    protected static ReceivedPacket publishQos1(RawMqttClient client, String topic, int packetId, boolean retain,
                                                byte[] properties, String payload) throws IOException {
        client.send(MqttPackets.publish(V5, topic, 1, packetId, retain, properties, payload.getBytes()));
        ReceivedPacket puback = client.readUntil(ReceivedPacket.PUBACK);
        assertThat(puback.packetId()).isEqualTo(packetId);
        return puback;
    }

    /** A HiveMQ MQTT 5 client for the given port (not yet connected), disconnected after the test. */
    protected Mqtt5BlockingClient hive(int port, String clientId) {
        Mqtt5BlockingClient client = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
                .serverPort(port).buildBlocking();
        opened.add(() -> {
            if (client.getState().isConnected()) {
                client.disconnect();
            }
        });
        return client;
    }

    /** The broker ends the 5.0 connection with a DISCONNECT carrying {@code reasonCode}, then closes it. */
    protected static void assertDisconnectedWith(RawMqttClient client, int reasonCode) throws IOException {
        List<ReceivedPacket> packets = client.readUntilClosed();
        assertThat(packets).as("packets before the close").isNotEmpty();
        ReceivedPacket last = packets.getLast();
        assertThat(last.type()).as("last packet before the close: %s", last).isEqualTo(ReceivedPacket.DISCONNECT);
        assertThat(hex(last.disconnectReasonCode())).as("DISCONNECT reason code").isEqualTo(hex(reasonCode));
    }

    /**
     * The broker ends the 5.0 connection with a DISCONNECT whose reason code is one of those the spec
     * leaves to the server for this error (e.g. 0x82 Protocol Error or a more specific code), then closes it.
     */
    protected static void assertDisconnectedWithOneOf(RawMqttClient client, int... reasonCodes) throws IOException {
        List<ReceivedPacket> packets = client.readUntilClosed();
        assertThat(packets).as("packets before the close").isNotEmpty();
        ReceivedPacket last = packets.getLast();
        assertThat(last.type()).as("last packet before the close: %s", last).isEqualTo(ReceivedPacket.DISCONNECT);
        assertThat(hex(last.disconnectReasonCode())).as("DISCONNECT reason code")
                .isIn(Arrays.stream(reasonCodes).mapToObj(ConformanceTest::hex).toList());
    }

    /** The broker closes the connection without sending anything (3.1.1, or before CONNECT). */
    protected static void assertClosedWithoutReply(RawMqttClient client) throws IOException {
        assertThat(client.readUntilClosed()).as("packets before the close").isEmpty();
    }

    /** The broker refuses the CONNECT with a CONNACK carrying {@code code}, Session Present 0, then closes. */
    protected static void assertRefusedWith(RawMqttClient client, int code) throws IOException {
        List<ReceivedPacket> packets = client.readUntilClosed();
        assertThat(packets).as("packets before the close").hasSize(1);
        ReceivedPacket connack = packets.getFirst();
        assertThat(connack.type()).as("%s", connack).isEqualTo(ReceivedPacket.CONNACK);
        assertThat(hex(connack.connackCode())).as("CONNACK code").isEqualTo(hex(code));
        assertThat(connack.sessionPresent()).as("Session Present of a refusal [MQTT-3.2.2-6]").isFalse();
    }

    /**
     * The broker refuses a malformed CONNECT: it closes the connection, sending at most a CONNACK with a
     * failure code (the spec allows either), never a success.
     */
    protected static void assertMalformedConnectRefused(RawMqttClient client) throws IOException {
        List<ReceivedPacket> packets = client.readUntilClosed();
        assertThat(packets).as("at most one CONNACK before the close").hasSizeLessThanOrEqualTo(1);
        for (ReceivedPacket packet : packets) {
            assertThat(packet.type()).as("%s", packet).isEqualTo(ReceivedPacket.CONNACK);
            assertThat(packet.connackCode()).as("CONNACK code of a refusal").isGreaterThanOrEqualTo(0x80);
        }
    }

    protected static String hex(int code) {
        return String.format("0x%02X", code);
    }

    protected <T extends AutoCloseable> T closeLater(T closeable) {
        opened.add(closeable);
        return closeable;
    }
}
