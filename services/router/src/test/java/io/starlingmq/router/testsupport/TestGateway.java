package io.starlingmq.router.testsupport;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import io.starlingmq.contract.link.v1.AckKind;
import io.starlingmq.contract.link.v1.DeliveryAck;
import io.starlingmq.contract.link.v1.FleetLoad;
import io.starlingmq.contract.link.v1.GatewayEvent;
import io.starlingmq.contract.link.v1.GatewayFrame;
import io.starlingmq.contract.link.v1.Heartbeat;
import io.starlingmq.contract.link.v1.Hello;
import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.contract.link.v1.Publish;
import io.starlingmq.contract.link.v1.PublishRelease;
import io.starlingmq.contract.link.v1.RouterEvent;
import io.starlingmq.contract.link.v1.RouterFrame;
import io.starlingmq.contract.link.v1.RouterLinkGrpc;
import io.starlingmq.contract.link.v1.SessionClose;
import io.starlingmq.contract.link.v1.SessionOpen;
import io.starlingmq.contract.link.v1.SharedDelivery;
import io.starlingmq.contract.link.v1.Subscribe;
import io.starlingmq.contract.link.v1.SubscriptionRequest;
import io.starlingmq.contract.link.v1.Unsubscribe;
import io.starlingmq.contract.link.v1.Will;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Plays one gateway over a real gRPC stream to the application under test: sends frames, collects what
 * the router answers. Shared by the component, delayed-publish and $SYS tests so that all of them speak
 * the link contract the same way.
 */
public final class TestGateway implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(20);

    private final ManagedChannel channel;
    private final StreamObserver<GatewayFrame> requests;
    private final List<RouterEvent> received = new ArrayList<>();
    /** The router's answers to heartbeats, kept apart: they come every second whatever a test does. */
    private final List<FleetLoad> fleetLoads = new ArrayList<>();
    private volatile Status ended;
    private volatile ClientCallStreamObserver<GatewayFrame> responses;
    private volatile boolean readingPaused;
    private volatile Heartbeat load = Heartbeat.getDefaultInstance();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();

    /** With a {@code gatewayId}: Hello, then a heartbeat every second; without (null): neither. */
    public TestGateway(String gatewayId) {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
        requests = RouterLinkGrpc.newStub(channel).link(new ClientResponseObserver<GatewayFrame, RouterFrame>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<GatewayFrame> stream) {
                // One frame at a time, so that the test can stop reading as a gateway too slow to keep up would.
                stream.disableAutoRequestWithInitial(1);
                responses = stream;
            }

            @Override
            public void onNext(RouterFrame frame) {
                synchronized (received) {
                    for (RouterEvent event : frame.getEventsList()) {
                        if (event.getEventCase() == RouterEvent.EventCase.FLEET_LOAD) {
                            fleetLoads.add(event.getFleetLoad());
                        } else {
                            received.add(event);
                        }
                    }
                }
                if (!readingPaused) {
                    responses.request(1);
                }
            }

            @Override
            public void onError(Throwable t) {
                ended = Status.fromThrowable(t);
            }

            @Override
            public void onCompleted() {
                ended = Status.OK;
            }
        });
        if (gatewayId != null) {
            send(GatewayEvent.newBuilder().setHello(Hello.newBuilder().setGatewayId(gatewayId)).build());
            heartbeats.scheduleAtFixedRate(this::heartbeat, 1, 1, TimeUnit.SECONDS);
        }
    }

    /** Like a real gateway: a heartbeat every second while the stream is open, with the load set by {@link #reportLoad}. */
    private void heartbeat() {
        if (ended == null) {
            send(GatewayEvent.newBuilder().setHeartbeat(load).build());
        }
    }

    /** What the following heartbeats report of this gateway's load. */
    public void reportLoad(int connections, boolean draining) {
        load = Heartbeat.newBuilder().setConnections(connections).setDraining(draining).build();
    }

    /** Waits for a FleetLoad (the router's answer to a heartbeat) that satisfies {@code wanted}. */
    public FleetLoad awaitFleetLoad(Predicate<FleetLoad> wanted) {
        return await().atMost(WAIT).until(() -> {
            synchronized (received) {
                return fleetLoads.stream().filter(wanted).reduce((first, second) -> second);
            }
        }, Optional::isPresent).orElseThrow();
    }

    /** Stops taking the router's frames (after the one it may be reading), as a gateway too slow to read would. */
    public void pauseReading() {
        readingPaused = true;
    }

    /** Takes the router's frames again. */
    public void resumeReading() {
        readingPaused = false;
        responses.request(1);
    }

    /** Stops heartbeats while keeping the stream open, as a hung or cut-off gateway would. */
    public void fallSilent() {
        heartbeats.shutdownNow();
    }

    public void send(GatewayEvent... events) {
        synchronized (requests) {
            requests.onNext(GatewayFrame.newBuilder().addAllEvents(Arrays.asList(events)).build());
        }
    }

    /** Waits for the first not yet taken event that satisfies {@code wanted}, and takes it. */
    public RouterEvent take(Predicate<RouterEvent> wanted) {
        return await().atMost(WAIT).until(() -> takeIfPresent(wanted), Optional::isPresent).orElseThrow();
    }

    /** Waits until the router ended the stream; answers how. */
    public Status awaitEnd() {
        return await().atMost(WAIT).until(() -> ended, s -> s != null);
    }

    /** The events received and not taken yet, in order. */
    public List<RouterEvent> untaken() {
        return untaken(e -> true);
    }

    /** The events received and not taken yet that satisfy {@code wanted}, in order. */
    public List<RouterEvent> untaken(Predicate<RouterEvent> wanted) {
        synchronized (received) {
            return received.stream().filter(wanted).toList();
        }
    }

    /** Opens a clean session and subscribes it to {@code filter}; waits for both answers. */
    public void connectAndSubscribe(long connectionId, String clientId, String filter, int qos) {
        send(open(connectionId, clientId, true, 0));
        take(sessionOpened(connectionId));
        send(subscribe(connectionId, clientId, 1, filter, qos));
        take(subscribed(connectionId, 1));
    }

    /** Ends the stream as a dying gateway would: no SessionClose for its connections. */
    public void drop() {
        channel.shutdownNow();
    }

    @Override
    public void close() throws InterruptedException {
        heartbeats.shutdownNow();
        channel.shutdownNow();
        channel.awaitTermination(10, TimeUnit.SECONDS);
    }

    private Optional<RouterEvent> takeIfPresent(Predicate<RouterEvent> wanted) {
        synchronized (received) {
            for (int i = 0; i < received.size(); i++) {
                if (wanted.test(received.get(i))) {
                    return Optional.of(received.remove(i));
                }
            }
            return Optional.empty();
        }
    }

    public static GatewayEvent open(long connectionId, String clientId, boolean cleanStart, long expirySeconds) {
        return GatewayEvent.newBuilder().setSessionOpen(SessionOpen.newBuilder()
                .setConnectionId(connectionId).setClientId(clientId).setCleanStart(cleanStart)
                .setSessionExpiryInterval((int) expirySeconds).setReceiveMaximum(10).setProtocolVersion(5)).build();
    }

    /** A clean MQTT 5 session (expiry 0) with the client facts a real gateway sends, for the $SYS events. */
    public static GatewayEvent openWithClientFacts(long connectionId, String clientId, String username,
                                                   String peerAddress, int keepAlive) {
        return GatewayEvent.newBuilder().setSessionOpen(open(connectionId, clientId, true, 0).getSessionOpen()
                .toBuilder().setUsername(username).setPeerAddress(peerAddress).setKeepAlive(keepAlive)).build();
    }

    public static GatewayEvent openWithWill(long connectionId, String clientId, long expirySeconds, String willTopic,
                                            String willPayload, long willDelaySeconds) {
        SessionOpen open = open(connectionId, clientId, true, expirySeconds).getSessionOpen().toBuilder()
                .setWill(Will.newBuilder().setDelayInterval((int) willDelaySeconds).setMessage(Message.newBuilder()
                        .setTopic(willTopic).setQos(1).setPublisher(clientId)
                        .setPayload(ByteString.copyFrom(willPayload, StandardCharsets.UTF_8)))).build();
        return GatewayEvent.newBuilder().setSessionOpen(open).build();
    }

    /** The connection ended without a normal DISCONNECT (lost, or DISCONNECT 0x04). */
    public static GatewayEvent lost(long connectionId, String clientId, long expirySeconds) {
        return GatewayEvent.newBuilder().setSessionClose(SessionClose.newBuilder()
                .setConnectionId(connectionId).setClientId(clientId).setGraceful(false)
                .setSessionExpiryInterval((int) expirySeconds)).build();
    }

    public static GatewayEvent close(long connectionId, String clientId) {
        return close(connectionId, clientId, 0);
    }

    public static GatewayEvent close(long connectionId, String clientId, long expirySeconds) {
        return GatewayEvent.newBuilder().setSessionClose(SessionClose.newBuilder()
                .setConnectionId(connectionId).setClientId(clientId).setGraceful(true)
                .setSessionExpiryInterval((int) expirySeconds)).build();
    }

    /** A normal DISCONNECT with the reason the gateway reports in the $SYS disconnected event. */
    public static GatewayEvent closeBecause(long connectionId, String clientId, String reason) {
        return GatewayEvent.newBuilder().setSessionClose(close(connectionId, clientId).getSessionClose().toBuilder()
                .setReason(reason)).build();
    }

    public static GatewayEvent subscribe(long connectionId, String clientId, int packetId, String filter, int qos) {
        return GatewayEvent.newBuilder().setSubscribe(Subscribe.newBuilder()
                .setConnectionId(connectionId).setClientId(clientId).setPacketId(packetId)
                .addSubscriptions(SubscriptionRequest.newBuilder().setFilter(filter).setQos(qos))).build();
    }

    /** A SUBSCRIBE with full subscription options. */
    public static GatewayEvent subscribe(long connectionId, String clientId, int packetId,
                                         SubscriptionRequest... requests) {
        return GatewayEvent.newBuilder().setSubscribe(Subscribe.newBuilder()
                .setConnectionId(connectionId).setClientId(clientId).setPacketId(packetId)
                .addAllSubscriptions(Arrays.asList(requests))).build();
    }

    public static SubscriptionRequest.Builder request(String filter, int qos) {
        return SubscriptionRequest.newBuilder().setFilter(filter).setQos(qos);
    }

    /** The publish with an MQTT 5 Message Expiry Interval. */
    public static GatewayEvent expiring(GatewayEvent publish, int expirySeconds) {
        Publish.Builder builder = publish.getPublish().toBuilder();
        builder.getMessageBuilder().getPropertiesBuilder().setMessageExpiryInterval(expirySeconds);
        return GatewayEvent.newBuilder().setPublish(builder).build();
    }

    /** A clean session's connection ended while these shared deliveries were not acknowledged. */
    public static GatewayEvent closeReturning(long connectionId, String clientId, List<SharedDelivery> unacknowledged) {
        return GatewayEvent.newBuilder().setSessionClose(SessionClose.newBuilder()
                .setConnectionId(connectionId).setClientId(clientId).setGraceful(false)
                .addAllUnacknowledged(unacknowledged)).build();
    }

    public static GatewayEvent unsubscribe(long connectionId, String clientId, int packetId, String filter) {
        return GatewayEvent.newBuilder().setUnsubscribe(Unsubscribe.newBuilder()
                .setConnectionId(connectionId).setClientId(clientId).setPacketId(packetId).addFilters(filter)).build();
    }

    public static GatewayEvent publish(long connectionId, String clientId, int packetId, String topic, String payload,
                                       int qos, boolean retain) {
        return GatewayEvent.newBuilder().setPublish(Publish.newBuilder()
                .setConnectionId(connectionId).setClientId(clientId).setPacketId(packetId)
                .setMessage(Message.newBuilder().setTopic(topic).setQos(qos).setRetain(retain).setPublisher(clientId)
                        .setPayload(ByteString.copyFrom(payload, StandardCharsets.UTF_8)))).build();
    }

    public static GatewayEvent publish(long connectionId, String clientId, int packetId, String topic, String payload,
                                       int qos) {
        return publish(connectionId, clientId, packetId, topic, payload, qos, false);
    }

    public static GatewayEvent publish(long connectionId, String clientId, int packetId, Message message) {
        return GatewayEvent.newBuilder().setPublish(Publish.newBuilder()
                .setConnectionId(connectionId).setClientId(clientId).setPacketId(packetId).setMessage(message)).build();
    }

    public static GatewayEvent ack(long connectionId, String clientId, int packetId) {
        return ack(connectionId, clientId, packetId, AckKind.PUBACK);
    }

    public static GatewayEvent ack(long connectionId, String clientId, int packetId, AckKind kind) {
        return GatewayEvent.newBuilder().setDeliveryAck(DeliveryAck.newBuilder()
                .setConnectionId(connectionId).setClientId(clientId).setPacketId(packetId).setKind(kind)).build();
    }

    public static GatewayEvent publishRelease(long connectionId, String clientId, int packetId) {
        return GatewayEvent.newBuilder().setPublishRelease(PublishRelease.newBuilder()
                .setConnectionId(connectionId).setClientId(clientId).setPacketId(packetId)).build();
    }

    public static Predicate<RouterEvent> releaseDone(long connectionId, int packetId) {
        return e -> e.hasReleaseDone() && e.getReleaseDone().getConnectionId() == connectionId
                && e.getReleaseDone().getPacketId() == packetId;
    }

    public static Predicate<RouterEvent> deliverOf(long connectionId, String payload) {
        return e -> e.hasDeliver() && e.getDeliver().getConnectionId() == connectionId
                && e.getDeliver().getMessage().getPayload().toStringUtf8().equals(payload);
    }

    public static Predicate<RouterEvent> deliverOn(long connectionId, String topic) {
        return e -> e.hasDeliver() && e.getDeliver().getConnectionId() == connectionId
                && e.getDeliver().getMessage().getTopic().equals(topic);
    }

    public static Predicate<RouterEvent> anyDeliverTo(long connectionId) {
        return e -> e.hasDeliver() && e.getDeliver().getConnectionId() == connectionId;
    }

    public static Predicate<RouterEvent> publishDone(long connectionId, int packetId) {
        return e -> e.hasPublishDone() && e.getPublishDone().getConnectionId() == connectionId
                && e.getPublishDone().getPacketId() == packetId;
    }

    public static Predicate<RouterEvent> sessionOpened(long connectionId) {
        return e -> e.hasSessionOpened() && e.getSessionOpened().getConnectionId() == connectionId;
    }

    public static Predicate<RouterEvent> subscribed(long connectionId, int packetId) {
        return e -> e.hasSubscribed() && e.getSubscribed().getConnectionId() == connectionId
                && e.getSubscribed().getPacketId() == packetId;
    }
}
