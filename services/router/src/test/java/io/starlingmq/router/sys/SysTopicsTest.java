package io.starlingmq.router.sys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.starlingmq.contract.link.v1.Deliver;
import io.starlingmq.router.testsupport.TestGateway;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.starlingmq.router.sys.FastSweepProfile.NODE;
import static io.starlingmq.router.testsupport.TestGateway.closeBecause;
import static io.starlingmq.router.testsupport.TestGateway.deliverOf;
import static io.starlingmq.router.testsupport.TestGateway.deliverOn;
import static io.starlingmq.router.testsupport.TestGateway.openWithClientFacts;
import static io.starlingmq.router.testsupport.TestGateway.publish;
import static org.assertj.core.api.Assertions.assertThat;

/** The $SYS topics a router publishes: client events and periodic stats. */
@QuarkusTest
@TestProfile(FastSweepProfile.class)
class SysTopicsTest {

    @Inject
    ObjectMapper mapper;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<TestGateway> gateways = new ArrayList<>();

    private String id(String name) {
        return name + "-" + run;
    }

    private TestGateway gateway() {
        TestGateway gateway = new TestGateway(id("gw" + gateways.size()));
        gateways.add(gateway);
        return gateway;
    }

    @AfterEach
    void closeGateways() throws InterruptedException {
        for (TestGateway gateway : gateways) {
            gateway.close();
        }
    }

    @Test
    void aConnectedEventCarriesTheClientFacts() throws Exception {
        TestGateway gateway = gateway();
        gateway.connectAndSubscribe(1, id("watcher"), "$SYS/brokers/+/clients/+/connected", 0);
        long before = System.currentTimeMillis();

        gateway.send(openWithClientFacts(2, id("device"), "alice", "10.1.2.3:50123", 30));

        String topic = "$SYS/brokers/" + NODE + "/clients/" + id("device") + "/connected";
        Deliver event = gateway.take(deliverOn(1, topic)).getDeliver();
        assertThat(event.getQos()).isZero();
        assertThat(event.getMessage().getRetain()).isFalse();
        assertThat(event.getMessage().getProperties().getContentType()).isEqualTo("application/json");
        JsonNode json = mapper.readTree(event.getMessage().getPayload().toByteArray());
        assertThat(json.get("clientid").asText()).isEqualTo(id("device"));
        assertThat(json.get("username").asText()).isEqualTo("alice");
        assertThat(json.get("ipaddress").asText()).isEqualTo("10.1.2.3");
        assertThat(json.get("proto_ver").asInt()).isEqualTo(5);
        assertThat(json.get("keepalive").asInt()).isEqualTo(30);
        assertThat(json.get("clean_start").asBoolean()).isTrue();
        assertThat(json.get("expiry_interval").asLong()).isZero();
        assertThat(json.get("connected_at").asLong()).isBetween(before, System.currentTimeMillis());
    }

    @Test
    void aDisconnectedEventCarriesTheReasonTheGatewayGave() throws Exception {
        TestGateway gateway = gateway();
        gateway.connectAndSubscribe(1, id("watcher"), "$SYS/brokers/" + NODE + "/clients/+/disconnected", 0);
        gateway.send(openWithClientFacts(2, id("device"), "", "[2001:db8::1]:1883", 60));

        gateway.send(closeBecause(2, id("device"), "keepalive_timeout"));

        String topic = "$SYS/brokers/" + NODE + "/clients/" + id("device") + "/disconnected";
        JsonNode json = mapper.readTree(gateway.take(deliverOn(1, topic)).getDeliver().getMessage().getPayload().toByteArray());
        assertThat(json.get("clientid").asText()).isEqualTo(id("device"));
        assertThat(json.get("username").isNull()).isTrue();
        assertThat(json.get("ipaddress").asText()).isEqualTo("2001:db8::1");
        assertThat(json.get("reason").asText()).isEqualTo("keepalive_timeout");
        assertThat(json.get("disconnected_at").asLong()).isGreaterThanOrEqualTo(json.get("connected_at").asLong());
    }

    @Test
    @DisplayName("[MQTT-4.7.2-1] A subscription to '#' receives no $SYS messages")
    void multiLevelWildcardDoesNotMatchSysTopics() {
        TestGateway gateway = gateway();
        gateway.connectAndSubscribe(1, id("everything"), "#", 0);
        gateway.connectAndSubscribe(2, id("watcher"), "$SYS/#", 0);

        gateway.send(openWithClientFacts(3, id("device"), "", "", 0));
        gateway.take(deliverOn(2, "$SYS/brokers/" + NODE + "/clients/" + id("device") + "/connected"));
        // routed after the event: once '#' has it, '#' would have had the event already
        gateway.send(publish(3, id("device"), 0, id("plain"), "marker", 0));
        gateway.take(deliverOf(1, "marker"));

        assertThat(gateway.untaken(e -> e.hasDeliver() && e.getDeliver().getConnectionId() == 1
                && e.getDeliver().getMessage().getTopic().startsWith("$"))).isEmpty();
    }

    @Test
    void periodicStatsArriveWithSaneValues() {
        TestGateway gateway = gateway();
        gateway.connectAndSubscribe(1, id("watcher"), "$SYS/brokers/" + NODE + "/#", 0);
        String root = "$SYS/brokers/" + NODE + "/";

        assertThat(text(gateway, root + "version")).isNotBlank();
        assertThat(Long.parseLong(text(gateway, root + "uptime"))).isNotNegative();
        assertThat(Instant.parse(text(gateway, root + "datetime")))
                .isBetween(Instant.now().minus(Duration.ofMinutes(1)), Instant.now().plus(Duration.ofMinutes(1)));
        // a tick computes its values before routing them: the first ones seen may predate the watcher
        assertThat(positive(gateway, root + "stats/connections/count")).as("the watcher is connected").isPositive();
        assertThat(positive(gateway, root + "stats/subscriptions/count")).as("the watcher subscribed").isPositive();
        assertThat(Long.parseLong(text(gateway, root + "stats/retained/count"))).isNotNegative();
        assertThat(positive(gateway, root + "stats/gateways/count")).isPositive();
        assertThat(positive(gateway, root + "metrics/messages/received")).isPositive();
        assertThat(positive(gateway, root + "metrics/messages/sent")).isPositive();
        assertThat(Long.parseLong(text(gateway, root + "metrics/messages/dropped"))).isNotNegative();
    }

    /** Waits for a message on {@code topic} reporting a positive count. */
    private static long positive(TestGateway gateway, String topic) {
        return Long.parseLong(gateway.take(deliverOn(1, topic).and(e -> Long.parseLong(
                e.getDeliver().getMessage().getPayload().toStringUtf8()) > 0)).getDeliver().getMessage().getPayload()
                .toStringUtf8());
    }

    private static String text(TestGateway gateway, String topic) {
        return gateway.take(deliverOn(1, topic)).getDeliver().getMessage().getPayload().toStringUtf8();
    }
}
