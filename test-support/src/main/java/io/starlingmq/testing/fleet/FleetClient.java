package io.starlingmq.testing.fleet;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.lifecycle.Mqtt3ClientConnectedContext;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientConnectedContext;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5Disconnect;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.OptionalLong;

/**
 * One real MQTT client of the fleet's load (HiveMQ MQTT Client, 5.0 or 3.1.1) behind the load balancer,
 * with a reconnect of its own instead of the library's automatic one: whenever its connection ends (or a
 * reconnect attempt fails) it connects again after exactly {@link #RECONNECT_DELAY}, to the same address,
 * with the same CONNECT (Clean Start 0 and its session expiry when persistent). The library's automatic
 * reconnect grows its delay exponentially with random jitter, which would smear a reconnect wave by an
 * amount the test cannot know; a fixed delay shifts every client's reconnect by the same amount, so the
 * wave the clients make follows the wave of departures the gateway made.
 *
 * <p>It records every connect (time, Session Present) and disconnect in its {@link Timeline}; a
 * publisher records which sequence numbers were acknowledged (its PUBLISH future completed without an
 * error: PUBACK, or PUBREC-PUBREL-PUBCOMP, with a success code); a subscriber records every message.
 */
public final class FleetClient {

    /** The fixed delay between losing a connection (or failing to connect) and the next attempt. */
    public static final Duration RECONNECT_DELAY = Duration.ofMillis(100);
    private static final long SESSION_EXPIRY_SECONDS = 3600;

    private final ClientProfile profile;
    private final Timeline timeline = new Timeline();
    private final Mqtt5AsyncClient mqtt5;
    private final Mqtt3AsyncClient mqtt3;
    private volatile boolean stopping;

    // A publisher's state.
    private final AtomicLong nextSequence = new AtomicLong();
    private final NavigableSet<Long> acknowledged = new ConcurrentSkipListSet<>();
    private final NavigableSet<Long> failed = new ConcurrentSkipListSet<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final Map<Long, Long> publishedAt = new ConcurrentHashMap<>();
    private final Map<Long, Long> answeredAt = new ConcurrentHashMap<>();

    // A subscriber's record, in arrival order.
    private final List<Receipt> receipts = new ArrayList<>();

    public FleetClient(ClientProfile profile, String host, int port) {
        this.profile = profile;
        if (profile.isMqtt5()) {
            mqtt5 = Mqtt5Client.builder().identifier(profile.id()).serverHost(host).serverPort(port)
                    .addConnectedListener(this::connected).addDisconnectedListener(this::disconnected)
                    .buildAsync();
            // Before the first CONNECT: a resumed session's queued messages may follow its CONNACK at once.
            mqtt5.publishes(MqttGlobalPublishFilter.ALL, this::received5);
            mqtt3 = null;
        } else {
            mqtt3 = Mqtt3Client.builder().identifier(profile.id()).serverHost(host).serverPort(port)
                    .addConnectedListener(this::connected).addDisconnectedListener(this::disconnected)
                    .buildAsync();
            mqtt3.publishes(MqttGlobalPublishFilter.ALL, this::received3);
            mqtt5 = null;
        }
    }

    public ClientProfile profile() {
        return profile;
    }

    public String id() {
        return profile.id();
    }

    public Timeline timeline() {
        return timeline;
    }

    /** The first CONNECT, completing with the CONNACK. */
    public CompletableFuture<Void> connect() {
        if (mqtt5 != null) {
            return mqtt5.connectWith().cleanStart(!profile.persistent())
                    .sessionExpiryInterval(profile.persistent() ? SESSION_EXPIRY_SECONDS : 0)
                    .send().thenAccept(connAck -> { });
        }
        return mqtt3.connectWith().cleanSession(!profile.persistent()).send().thenAccept(connAck -> { });
    }

    /** Subscribes a subscriber or an idle client to its {@link ClientProfile#filter()}. */
    public CompletableFuture<Void> subscribe() {
        MqttQos qos = MqttQos.fromCode(profile.role() == ClientProfile.Role.IDLE ? 1 : 2);
        if (mqtt5 != null) {
            return mqtt5.subscribeWith().topicFilter(profile.filter()).qos(qos).send().thenAccept(subAck -> { });
        }
        return mqtt3.subscribeWith().topicFilter(profile.filter()).qos(qos).send().thenAccept(subAck -> { });
    }

    /** Publishes the next sequence number; it counts as acknowledged once the publish flow completed. */
    public void publishNext() {
        long sequence = nextSequence.getAndIncrement();
        byte[] payload = Long.toString(sequence).getBytes(StandardCharsets.UTF_8);
        MqttQos qos = MqttQos.fromCode(profile.qos());
        pending.incrementAndGet();
        publishedAt.put(sequence, FleetClock.now());
        CompletableFuture<Boolean> done;
        if (mqtt5 != null) {
            done = mqtt5.publishWith().topic(profile.topic()).qos(qos).payload(payload).send()
                    .thenApply(result -> result.getError().isEmpty());
        } else {
            done = mqtt3.publishWith().topic(profile.topic()).qos(qos).payload(payload).send().thenApply(p -> true);
        }
        done.whenComplete((ok, error) -> {
            answeredAt.put(sequence, FleetClock.now());
            (error == null && ok ? acknowledged : failed).add(sequence);
            pending.decrementAndGet();
        });
    }

    /** Publishes not yet answered (neither acknowledged nor failed). */
    public int pendingPublishes() {
        return pending.get();
    }

    /** When a sequence number was handed to the client, and when its publish was answered: for failure messages. */
    /** When a publisher published {@code sequence} ({@link FleetClock}), if it did. */
    public OptionalLong publishedAt(long sequence) {
        Long sent = publishedAt.get(sequence);
        return sent == null ? OptionalLong.empty() : OptionalLong.of(sent);
    }

    public String publishTimes(long sequence) {
        Long sent = publishedAt.get(sequence);
        Long answered = answeredAt.get(sequence);
        return "published " + (sent == null ? "-" : FleetClock.format(sent)) + ", answered "
                + (answered == null ? "-" : FleetClock.format(answered));
    }

    public NavigableSet<Long> acknowledged() {
        return acknowledged;
    }

    public NavigableSet<Long> failedPublishes() {
        return failed;
    }

    public long published() {
        return nextSequence.get();
    }

    public synchronized List<Receipt> receipts() {
        return List.copyOf(receipts);
    }

    public boolean isConnected() {
        return mqtt5 != null ? mqtt5.getState().isConnected() : mqtt3.getState().isConnected();
    }

    /** A DISCONNECT of the client's own; it does not reconnect afterwards. */
    public CompletableFuture<Void> disconnect() {
        stopping = true;
        CompletableFuture<Void> sent = mqtt5 != null ? mqtt5.disconnect() : mqtt3.disconnect();
        return sent.exceptionally(notConnected -> null);
    }

    private void received5(Mqtt5Publish publish) {
        record(publish.getTopic().toString(), publish.getPayloadAsBytes(), publish.getQos());
    }

    private void received3(Mqtt3Publish publish) {
        record(publish.getTopic().toString(), publish.getPayloadAsBytes(), publish.getQos());
    }

    private void record(String topic, byte[] payload, MqttQos qos) {
        String publisher = topic.substring(topic.lastIndexOf('/') + 1);
        long sequence = Long.parseLong(new String(payload, StandardCharsets.UTF_8));
        synchronized (this) {
            receipts.add(new Receipt(publisher, sequence, qos.getCode(), FleetClock.now()));
        }
    }

    private void connected(MqttClientConnectedContext context) {
        boolean sessionPresent = context instanceof Mqtt5ClientConnectedContext five
                ? five.getConnAck().isSessionPresent()
                : ((Mqtt3ClientConnectedContext) context).getConnAck().isSessionPresent();
        timeline.connected(FleetClock.now(), sessionPresent);
    }

    private void disconnected(MqttClientDisconnectedContext context) {
        timeline.disconnected(FleetClock.now(), context.getReconnector().getAttempts(), context.getSource().name(),
                reason(context.getCause()));
        if (!stopping && context.getSource() != MqttDisconnectSource.USER) {
            context.getReconnector().reconnect(true).delay(RECONNECT_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static String reason(Throwable cause) {
        if (cause instanceof Mqtt5DisconnectException disconnect) {
            Mqtt5Disconnect packet = disconnect.getMqttMessage();
            return String.format("0x%02X", packet.getReasonCode().getCode())
                    + packet.getServerReference().map(reference -> " reference=" + reference).orElse("");
        }
        return cause.getClass().getSimpleName();
    }
}
