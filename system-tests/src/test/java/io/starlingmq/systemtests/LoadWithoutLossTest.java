package io.starlingmq.systemtests;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectRestrictions;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.starlingmq.launcher.RunningPart;
import io.starlingmq.systemtests.harness.MetricsScrape;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.systemtests.harness.StarlingSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Overload holds publishers back; it neither disconnects them nor loses what it acknowledged (issue #14).
 * The numbers of messages and the rates are not asserted: only what happened to every message.
 */
class LoadWithoutLossTest {

    private static final String DROPPED = "starling_gateway_deliveries_dropped_total";
    private static final String PAUSED = "starling_gateway_reads_paused_total";
    private static final Duration FLOOD = Duration.ofSeconds(4);
    private static final int QOS0_PUBLISHERS = 3;
    private static final int QOS1_PUBLISHERS = 2;
    private static final int QOS1_MESSAGES_EACH = 10_000;
    /** PUBLISH packets written to the socket in one write by a flooding publisher. */
    private static final int PACKETS_PER_WRITE = 100;

    private StarlingSuite suite;
    private final List<Mqtt5AsyncClient> clients = new ArrayList<>();
    private final ExecutorService flooders = Executors.newFixedThreadPool(QOS0_PUBLISHERS);

    @AfterEach
    void stop() {
        flooders.shutdownNow();
        clients.forEach(client -> client.disconnect().exceptionally(e -> null));
        if (suite != null) {
            suite.close();
        }
    }

    /**
     * QoS 0 publishers write PUBLISH packets as fast as TCP takes them and QoS 1 publishers keep their
     * Receive Maximum full, all into one subscriber that acknowledges at once. The gateway's router-link
     * queue is made small so that its back-pressure surely engages: the publishers must be held back (reads
     * paused), never disconnected; every acknowledged QoS 1 message must arrive, and every QoS 0 message
     * must arrive or be counted as dropped.
     */
    @Test
    void floodingPublishersAreHeldBackNotDisconnectedAndEveryMessageIsDeliveredOrCounted() throws Exception {
        suite = StarlingSuite.start("load-without-loss");
        RunningPart gateway = suite.startGateway("gateway-a", Map.of("STARLING_GATEWAY_LINK_QUEUE_SIZE", "256"));
        int port = suite.mqttPort("gateway-a");

        AtomicLong qos0Received = new AtomicLong();
        Set<String> qos1Received = ConcurrentHashMap.newKeySet();
        Mqtt5AsyncClient subscriber = client("flood-subscriber", port);
        subscriber.publishes(MqttGlobalPublishFilter.ALL, publish -> {
            if (publish.getQos() == MqttQos.AT_MOST_ONCE) {
                qos0Received.incrementAndGet();
            } else {
                qos1Received.add(text(publish));
            }
        });
        subscriber.connectWith().cleanStart(true).send().get(30, TimeUnit.SECONDS);
        subscriber.subscribeWith().topicFilter("flood/#").qos(MqttQos.AT_LEAST_ONCE).send().get(30, TimeUnit.SECONDS);

        List<String> disconnects = new CopyOnWriteArrayList<>();
        List<Mqtt5AsyncClient> qos1Publishers = new ArrayList<>();
        for (int p = 0; p < QOS1_PUBLISHERS; p++) {
            String id = "flood-qos1-" + p;
            Mqtt5AsyncClient publisher = Mqtt5Client.builder().identifier(id).serverHost("127.0.0.1").serverPort(port)
                    .addDisconnectedListener(context -> disconnects.add(id + ": " + context.getCause()))
                    .buildAsync();
            clients.add(publisher);
            publisher.connectWith().cleanStart(true).send().get(30, TimeUnit.SECONDS);
            qos1Publishers.add(publisher);
        }
        List<RawMqttClient> qos0Publishers = new ArrayList<>();
        for (int p = 0; p < QOS0_PUBLISHERS; p++) {
            qos0Publishers.add(RawMqttClient.connected(port, 5, "flood-qos0-" + p));
        }
        MetricsScrape before = MetricsScrape.of(gateway);

        List<Future<Long>> qos0Sent = new ArrayList<>();
        for (int p = 0; p < QOS0_PUBLISHERS; p++) {
            RawMqttClient publisher = qos0Publishers.get(p);
            String topic = "flood/qos0/" + p;
            qos0Sent.add(flooders.submit(() -> flood(publisher, topic, disconnects)));
        }
        Set<String> qos1Acknowledged = ConcurrentHashMap.newKeySet();
        List<CompletableFuture<?>> qos1Sent = new ArrayList<>();
        for (int p = 0; p < QOS1_PUBLISHERS; p++) {
            for (int seq = 0; seq < QOS1_MESSAGES_EACH; seq++) {
                String payload = p + ":" + seq;
                qos1Sent.add(qos1Publishers.get(p).publishWith().topic("flood/qos1/" + p).qos(MqttQos.AT_LEAST_ONCE)
                        .payload(payload.getBytes(StandardCharsets.UTF_8)).send()
                        .handle((result, failure) -> {
                            // A failed publish (its connection ended) shows in the disconnects and the count below.
                            if (failure == null && result.getError().isEmpty()) {
                                qos1Acknowledged.add(payload);
                            }
                            return null;
                        }));
            }
        }
        long sent0 = 0;
        for (Future<Long> sent : qos0Sent) {
            sent0 += sent.get(60, TimeUnit.SECONDS);
        }
        CompletableFuture.allOf(qos1Sent.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);

        assertThat(disconnects).as("publishers disconnected").isEmpty();
        for (RawMqttClient publisher : qos0Publishers) {
            assertThat(publisher.pingAnswered()).as("a flooding QoS 0 publisher is still connected and served").isTrue();
        }
        assertThat(qos1Acknowledged).as("every QoS 1 publish acknowledged").hasSize(QOS1_PUBLISHERS * QOS1_MESSAGES_EACH);
        await("every acknowledged QoS 1 message delivered").atMost(Duration.ofSeconds(60))
                .until(() -> qos1Received.containsAll(qos1Acknowledged));

        long expected0 = sent0;
        await("every QoS 0 message delivered or counted as dropped").atMost(Duration.ofSeconds(60))
                .until(() -> qos0Received.get() + dropped(gateway, before) >= expected0);
        assertThat(qos0Received.get() + dropped(gateway, before))
                .as("QoS 0 delivered + dropped (delivered %d)", qos0Received.get()).isEqualTo(sent0);
        MetricsScrape after = MetricsScrape.of(gateway);
        assertThat(after.sum(PAUSED, "reason=\"link_congested\"") - before.sum(PAUSED, "reason=\"link_congested\""))
                .as("publishers held back because the router link was congested").isPositive();
        assertThat(after.sum("starling_gateway_link_events_dropped_total")).as("events lost on the router link").isZero();
    }

    /**
     * A subscriber that allows only 10 unacknowledged messages and acknowledges each at once loses
     * nothing at a steady rate: its window turns over far faster than messages come.
     */
    @Test
    void aSubscriberWithASmallReceiveMaximumThatKeepsUpLosesNothing() throws Exception {
        suite = StarlingSuite.start("small-receive-maximum", "gateway-a");
        int port = suite.mqttPort("gateway-a");
        List<String> received = new CopyOnWriteArrayList<>();
        Mqtt5AsyncClient subscriber = client("small-window-subscriber", port);
        subscriber.publishes(MqttGlobalPublishFilter.ALL, publish -> received.add(text(publish)));
        subscriber.connectWith().cleanStart(true)
                .restrictions(Mqtt5ConnectRestrictions.builder().receiveMaximum(10).build())
                .send().get(30, TimeUnit.SECONDS);
        subscriber.subscribeWith().topicFilter("steady/#").qos(MqttQos.AT_LEAST_ONCE).send().get(30, TimeUnit.SECONDS);
        Mqtt5AsyncClient publisher = client("steady-publisher", port);
        publisher.connectWith().cleanStart(true).send().get(30, TimeUnit.SECONDS);
        MetricsScrape before = MetricsScrape.of(suite.process("gateway-a"));

        // 1,000 messages a second for 3 s, ten every 10 ms.
        int messages = 3_000;
        List<String> sent = new ArrayList<>();
        List<CompletableFuture<?>> acknowledgements = new ArrayList<>();
        long start = System.nanoTime();
        for (int seq = 0; seq < messages; seq++) {
            if (seq % 10 == 0) {
                long due = start + TimeUnit.MILLISECONDS.toNanos(seq);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            String payload = Integer.toString(seq);
            sent.add(payload);
            acknowledgements.add(publisher.publishWith().topic("steady/a").qos(MqttQos.AT_LEAST_ONCE)
                    .payload(payload.getBytes(StandardCharsets.UTF_8)).send());
        }
        CompletableFuture.allOf(acknowledgements.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        await("every message delivered").atMost(Duration.ofSeconds(60)).until(() -> received.size() >= messages);
        assertThat(received).as("delivered in order, none missing or twice").containsExactlyElementsOf(sent);
        assertThat(dropped(suite.process("gateway-a"), before)).as("deliveries dropped by the gateway").isZero();
    }

    private Mqtt5AsyncClient client(String id, int port) {
        Mqtt5AsyncClient client = Mqtt5Client.builder().identifier(id).serverHost("127.0.0.1").serverPort(port).buildAsync();
        clients.add(client);
        return client;
    }

    /**
     * Writes QoS 0 PUBLISH packets for the flood's duration, as fast as the socket takes them; answers how
     * many. A connection the broker ends is recorded with the disconnects.
     */
    private static long flood(RawMqttClient publisher, String topic, List<String> disconnects) throws Exception {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        byte[] packet = MqttPackets.publish(5, topic, 0, 0, "load".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < PACKETS_PER_WRITE; i++) {
            chunk.write(packet);
        }
        byte[] bytes = chunk.toByteArray();
        long sent = 0;
        long end = System.nanoTime() + FLOOD.toNanos();
        try {
            while (System.nanoTime() < end) {
                publisher.send(bytes);
                sent += PACKETS_PER_WRITE;
            }
        } catch (IOException ended) {
            disconnects.add(topic + " publisher: " + ended);
        }
        return sent;
    }

    private static double dropped(RunningPart gateway, MetricsScrape before) throws Exception {
        return MetricsScrape.of(gateway).sum(DROPPED) - before.sum(DROPPED);
    }

    private static String text(Mqtt5Publish publish) {
        return new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
    }
}
