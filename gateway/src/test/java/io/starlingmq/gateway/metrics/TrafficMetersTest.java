package io.starlingmq.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TrafficMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void messagesAreCountedUnderTheirQos() {
        TrafficMeters traffic = new TrafficMeters(registry);
        traffic.messageReceived(1);
        traffic.messageReceived(1);
        traffic.messageSent(2);

        assertThat(registry.get("starling.gateway.messages.received").tag("qos", "1").counter().count()).isEqualTo(2);
        assertThat(registry.get("starling.gateway.messages.received").tag("qos", "0").counter().count()).isZero();
        assertThat(registry.get("starling.gateway.messages.sent").tag("qos", "2").counter().count()).isEqualTo(1);
    }

    @Test
    void bytesAreCountedInBytes() {
        TrafficMeters traffic = new TrafficMeters(registry);
        traffic.bytesReceived(120);
        traffic.bytesSent(7);

        assertThat(registry.get("starling.gateway.received.bytes").counter().count()).isEqualTo(120);
        assertThat(registry.get("starling.gateway.received.bytes").counter().getId().getBaseUnit()).isEqualTo("bytes");
        assertThat(registry.get("starling.gateway.sent.bytes").counter().count()).isEqualTo(7);
    }

    @Test
    void aLinkQueueGaugeOutlivesGarbageCollection() {
        AtomicInteger depth = new AtomicInteger(5);
        new GatewayMetrics(registry).link("router-0:9090").queueDepth(depth::get);
        System.gc();

        assertThat(registry.get("starling.gateway.link.queue.events").tag("router", "router-0:9090").gauge().value())
                .isEqualTo(5);
    }
}
