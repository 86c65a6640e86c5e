package io.starlingmq.systemtests.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.starlingmq.launcher.FreePort;
import io.starlingmq.launcher.ProcessSession;
import io.starlingmq.launcher.PrometheusServer;
import io.starlingmq.launcher.PrometheusServer.Target;
import io.starlingmq.systemtests.harness.StarlingSuite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus scrapes a running suite (a router, two gateways, ops) every second while real MQTT
 * clients connect and publish at a known rate; what PromQL answers through Prometheus's HTTP API must be
 * what the clients did: the connections exactly, the message counts exactly, and the rates within what
 * the scrape interval explains.
 */
class PrometheusScrapeTest {

    private static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** Per gateway: two publishers, eight idle clients; gateway-a also has the one subscriber. */
    private static final int PUBLISHERS_PER_GATEWAY = 2;
    private static final int IDLE_PER_GATEWAY = 8;
    private static final int CONNECTIONS = 2 * (PUBLISHERS_PER_GATEWAY + IDLE_PER_GATEWAY) + 1;
    /** Each publisher sends one QoS 1 message every 40 ms: 25 a second, 100 a second in all. */
    private static final Duration PUBLISH_PERIOD = Duration.ofMillis(40);
    private static final double TOTAL_RATE = 2 * PUBLISHERS_PER_GATEWAY * 1000.0 / PUBLISH_PERIOD.toMillis();
    private static final Duration PUBLISHING = Duration.ofSeconds(8);
    /** The rate window: four scrapes, so three intervals between the first and last sample in it. */
    private static final String WINDOW = "[4s]";
    /**
     * rate() divides the increase between the window's first and last samples (about 3 s apart) and
     * extrapolates it to the window. Each sample is stamped when its scrape starts but counts what was
     * published until the gateway answered, tens of milliseconds later on busy cores, and the publishers'
     * ticks jitter by as much: each end of the window can be off by up to ~0.1 s of messages, 10 at
     * 100/s, so 20 over ~3 s is ~7/s. The two gateways are scraped independently and their errors add up
     * in the sum. 15 % of the rate covers that and still tells 100/s from a double count or a missed gateway.
     */
    private static final Offset<Double> RATE_TOLERANCE = Offset.offset(0.15 * TOTAL_RATE);

    @TempDir
    Path dir;

    private StarlingSuite suite;
    private PrometheusServer prometheus;
    private final List<Mqtt5AsyncClient> clients = new ArrayList<>();
    private final ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);

    @AfterEach
    void stop() {
        ticks.shutdownNow();
        for (Mqtt5AsyncClient client : clients) {
            client.disconnect();
        }
        if (prometheus != null) {
            prometheus.close();
        }
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void prometheusSeesTheClientsConnectionsAndMessageRates() throws Exception {
        suite = StarlingSuite.start("prometheus-scrape", "gateway-a", "gateway-b");
        Files.writeString(dir.resolve("api-keys"), "metrics-test:a-long-random-secret-for-the-test\n");
        suite.startOps(Map.of("STARLING_OPS_API_KEYS_BOOTSTRAP_FILE", dir.resolve("api-keys").toString()));
        prometheus = PrometheusServer.start(FreePort.find(), SCRAPE_INTERVAL, List.of(
                        new Target("router", "router-a", suite.process("router-a").httpPort()),
                        new Target("gateway", "gateway-a", suite.process("gateway-a").httpPort()),
                        new Target("gateway", "gateway-b", suite.process("gateway-b").httpPort()),
                        new Target("ops", StarlingSuite.OPS, suite.process(StarlingSuite.OPS).httpPort())),
                dir.resolve("prometheus"), suite.logDir().resolve("prometheus.log"), ProcessSession.SHARED);

        AtomicInteger received = new AtomicInteger();
        Mqtt5AsyncClient subscriber = connect("sub", "gateway-a");
        subscriber.publishes(MqttGlobalPublishFilter.ALL, publish -> received.incrementAndGet());
        subscriber.subscribeWith().topicFilter("load/#").qos(MqttQos.AT_LEAST_ONCE).send().get(10, TimeUnit.SECONDS);
        List<Mqtt5AsyncClient> publishers = new ArrayList<>();
        for (String gateway : List.of("gateway-a", "gateway-b")) {
            for (int i = 0; i < PUBLISHERS_PER_GATEWAY; i++) {
                publishers.add(connect("pub-" + gateway + "-" + i, gateway));
            }
            for (int i = 0; i < IDLE_PER_GATEWAY; i++) {
                connect("idle-" + gateway + "-" + i, gateway);
            }
        }

        awaitScrapeAfter(nowSeconds());
        assertThat(single("count(up{job=~\"router|gateway|ops\"} == 1)")).isEqualTo(4);
        assertThat(single("sum(starling_gateway_connections)")).isEqualTo(CONNECTIONS);
        assertThat(single("starling_gateway_connections{name=\"gateway-b\"}"))
                .isEqualTo(PUBLISHERS_PER_GATEWAY + IDLE_PER_GATEWAY);
        double receivedBefore = single("sum(starling_gateway_messages_received_total{qos=\"1\"})");
        double sentBefore = single("sum(starling_gateway_messages_sent_total{qos=\"1\"})");

        ConcurrentLinkedQueue<CompletableFuture<?>> acks = new ConcurrentLinkedQueue<>();
        AtomicInteger published = new AtomicInteger();
        for (int p = 0; p < publishers.size(); p++) {
            Mqtt5AsyncClient publisher = publishers.get(p);
            String topic = "load/" + p;
            ticks.scheduleAtFixedRate(() -> {
                published.incrementAndGet();
                acks.add(publisher.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                        .payload("m".getBytes(StandardCharsets.UTF_8)).send());
            }, 0, PUBLISH_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        }
        // Past the first window's worth of steady publishing, well before the end.
        Thread.sleep(PUBLISHING.toMillis() - 2000);
        double inRate = single("sum(rate(starling_gateway_messages_received_total{qos=\"1\"}" + WINDOW + "))");
        double outRate = single("sum(rate(starling_gateway_messages_sent_total{qos=\"1\"}" + WINDOW + "))");
        double routedRate = single("sum(rate(starling_router_messages_routed_total" + WINDOW + "))");
        Thread.sleep(2000);
        ticks.shutdown();
        assertThat(ticks.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (received.get() < published.get() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        awaitScrapeAfter(nowSeconds());

        assertThat(inRate).as("PUBLISH in per second, both gateways").isCloseTo(TOTAL_RATE, RATE_TOLERANCE);
        assertThat(outRate).as("PUBLISH out per second, to the one subscriber").isCloseTo(TOTAL_RATE, RATE_TOLERANCE);
        assertThat(routedRate).as("messages routed per second").isCloseTo(TOTAL_RATE, RATE_TOLERANCE);
        // Counters are exact: once a scrape followed the last acknowledgement, every message is in them.
        assertThat(received.get()).isEqualTo(published.get());
        assertThat(single("sum(starling_gateway_messages_received_total{qos=\"1\"})") - receivedBefore)
                .isEqualTo(published.get());
        assertThat(single("sum(starling_gateway_messages_sent_total{qos=\"1\"})") - sentBefore)
                .isEqualTo(published.get());
        assertThat(single("sum(starling_gateway_connections)")).isEqualTo(CONNECTIONS);
    }

    private Mqtt5AsyncClient connect(String clientId, String gateway) throws Exception {
        Mqtt5AsyncClient client = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
                .serverPort(suite.mqttPort(gateway)).buildAsync();
        client.connect().get(10, TimeUnit.SECONDS);
        clients.add(client);
        return client;
    }

    /** Waits until every target was scraped after {@code seconds} (epoch): its samples show what happened before. */
    private void awaitScrapeAfter(double seconds) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<Double> oldest = prometheus.query("min(timestamp(up{job=~\"router|gateway|ops\"}))");
            if (!oldest.isEmpty() && oldest.getFirst() > seconds
                    && single("count(up{job=~\"router|gateway|ops\"})") == 4) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Prometheus scraped no target after " + seconds + " within " + WAIT
                + "; its log: " + suite.logDir().resolve("prometheus.log"));
    }

    private double single(String promql) throws Exception {
        List<Double> values = prometheus.query(promql);
        assertThat(values).as(promql).hasSize(1);
        return values.getFirst();
    }

    private static double nowSeconds() {
        return System.currentTimeMillis() / 1000.0;
    }
}
