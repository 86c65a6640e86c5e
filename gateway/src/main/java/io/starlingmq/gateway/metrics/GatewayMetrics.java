package io.starlingmq.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.codec.mqtt.MqttMessageType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The gateway's meters: live connections, packets in and out by type, dropped, expired and oversize deliveries. */
@ApplicationScoped
public class GatewayMetrics {

    private final AtomicInteger connections = new AtomicInteger();
    private final Map<MqttMessageType, Counter> packetsIn = new EnumMap<>(MqttMessageType.class);
    private final Map<MqttMessageType, Counter> packetsOut = new EnumMap<>(MqttMessageType.class);
    private final Counter deliveriesDropped;
    private final Counter linkEventsDropped;
    private final Counter deliveriesExpired;
    private final Counter deliveriesTooLarge;

    public GatewayMetrics(MeterRegistry registry) {
        Gauge.builder("starling.gateway.connections", connections, AtomicInteger::get)
                .description("Open MQTT connections")
                .register(registry);
        for (MqttMessageType type : MqttMessageType.values()) {
            packetsIn.put(type, packetCounter(registry, "starling.gateway.packets.in", type));
            packetsOut.put(type, packetCounter(registry, "starling.gateway.packets.out", type));
        }
        deliveriesDropped = Counter.builder("starling.gateway.deliveries.dropped")
                .description("Deliveries dropped because a connection's queue was full")
                .register(registry);
        deliveriesExpired = Counter.builder("starling.gateway.deliveries.expired")
                .description("Deliveries not sent because their message expired before they could be written")
                .register(registry);
        deliveriesTooLarge = Counter.builder("starling.gateway.deliveries.oversize")
                .description("Deliveries not sent because they exceed the client's Maximum Packet Size")
                .register(registry);
        linkEventsDropped = Counter.builder("starling.gateway.link.events.dropped")
                .description("Events not sent because a router link queue was full")
                .register(registry);
    }

    private static Counter packetCounter(MeterRegistry registry, String name, MqttMessageType type) {
        return Counter.builder(name).tag("type", type.name()).register(registry);
    }

    public void connectionOpened() {
        connections.incrementAndGet();
    }

    public void connectionClosed() {
        connections.decrementAndGet();
    }

    public void packetIn(MqttMessageType type) {
        packetsIn.get(type).increment();
    }

    public void packetOut(MqttMessageType type) {
        packetsOut.get(type).increment();
    }

    public void deliveryDropped() {
        deliveriesDropped.increment();
    }

    public void deliveryExpired() {
        deliveriesExpired.increment();
    }

    public void deliveryTooLarge() {
        deliveriesTooLarge.increment();
    }

    public void linkEventDropped() {
        linkEventsDropped.increment();
    }
}
