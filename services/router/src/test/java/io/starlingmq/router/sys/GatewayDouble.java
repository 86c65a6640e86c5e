package io.starlingmq.router.sys;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.starlingmq.contract.link.v1.GatewayEvent;
import io.starlingmq.contract.link.v1.GatewayFrame;
import io.starlingmq.contract.link.v1.Heartbeat;
import io.starlingmq.contract.link.v1.Hello;
import io.starlingmq.contract.link.v1.Message;
import io.starlingmq.contract.link.v1.MessageProperties;
import io.starlingmq.contract.link.v1.Publish;
import io.starlingmq.contract.link.v1.RouterEvent;
import io.starlingmq.contract.link.v1.RouterFrame;
import io.starlingmq.contract.link.v1.RouterLinkGrpc;
import io.starlingmq.contract.link.v1.SessionClose;
import io.starlingmq.contract.link.v1.SessionOpen;
import io.starlingmq.contract.link.v1.Subscribe;
import io.starlingmq.contract.link.v1.SubscriptionRequest;
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
 * Plays one gateway over a real gRPC stream to the application under test: Hello, a heartbeat every
 * second, frames of events; collects what the router answers.
 */
public final class GatewayDouble implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(20);

    private final ManagedChannel channel;
    private final StreamObserver<GatewayFrame> requests;
    private final List<RouterEvent> received = new ArrayList<>();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();

    public GatewayDouble(String gatewayId) {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
        requests = RouterLinkGrpc.newStub(channel).link(new StreamObserver<>() {
            @Override
            public void onNext(RouterFrame frame) {
                synchronized (received) {
                    received.addAll(frame.getEventsList());
                }
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onCompleted() {
            }
        });
        send(GatewayEvent.newBuilder().setHello(Hello.newBuilder().setGatewayId(gatewayId)).build());
        heartbeats.scheduleAtFixedRate(() -> send(GatewayEvent.newBuilder()
                .setHeartbeat(Heartbeat.getDefaultInstance()).build()), 1, 1, TimeUnit.SECONDS);
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

    /** The events received and not taken yet that satisfy {@code wanted}, in order. */
    public List<RouterEvent> untaken(Predicate<RouterEvent> wanted) {
        synchronized (received) {
            return received.stream().filter(wanted).toList();
        }
    }

    /** Opens a clean session and subscribes it to {@code filter}; waits for both answers. */
    public void connectAndSubscribe(long connectionId, String clientId, String filter, int qos) {
        send(open(connectionId, clientId, "", "", 0));
        take(e -> e.hasSessionOpened() && e.getSessionOpened().getConnectionId() == connectionId);
        send(GatewayEvent.newBuilder().setSubscribe(Subscribe.newBuilder()
                .setConnectionId(connectionId).setClientId(clientId).setPacketId(1)
                .addSubscriptions(SubscriptionRequest.newBuilder().setFilter(filter).setQos(qos))).build());
        take(e -> e.hasSubscribed() && e.getSubscribed().getConnectionId() == connectionId);
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

    /** A clean MQTT 5 session (expiry 0) with the client facts a real gateway sends. */
    public static GatewayEvent open(long connectionId, String clientId, String username, String peerAddress,
                                    int keepAlive) {
        return GatewayEvent.newBuilder().setSessionOpen(SessionOpen.newBuilder()
                .setConnectionId(connectionId).setClientId(clientId).setCleanStart(true)
                .setSessionExpiryInterval(0).setReceiveMaximum(10).setProtocolVersion(5)
                .setUsername(username).setPeerAddress(peerAddress).setKeepAlive(keepAlive)).build();
    }

    public static GatewayEvent close(long connectionId, String clientId, String reason) {
        return GatewayEvent.newBuilder().setSessionClose(SessionClose.newBuilder()
                .setConnectionId(connectionId).setClientId(clientId).setGraceful(true).setReason(reason)).build();
    }

    public static GatewayEvent publish(long connectionId, String clientId, int packetId, String topic,
                                       String payload, int qos) {
        return publish(connectionId, clientId, packetId, Message.newBuilder().setTopic(topic).setQos(qos)
                .setPublisher(clientId).setPayload(ByteString.copyFrom(payload, StandardCharsets.UTF_8)).build());
    }

    public static GatewayEvent publish(long connectionId, String clientId, int packetId, Message message) {
        return GatewayEvent.newBuilder().setPublish(Publish.newBuilder()
                .setConnectionId(connectionId).setClientId(clientId).setPacketId(packetId).setMessage(message)).build();
    }

    public static MessageProperties.Builder properties() {
        return MessageProperties.newBuilder();
    }

    public static Predicate<RouterEvent> publishDone(long connectionId, int packetId) {
        return e -> e.hasPublishDone() && e.getPublishDone().getConnectionId() == connectionId
                && e.getPublishDone().getPacketId() == packetId;
    }

    public static Predicate<RouterEvent> deliverOn(long connectionId, String topic) {
        return e -> e.hasDeliver() && e.getDeliver().getConnectionId() == connectionId
                && e.getDeliver().getMessage().getTopic().equals(topic);
    }

    public static Predicate<RouterEvent> deliverOf(long connectionId, String payload) {
        return e -> e.hasDeliver() && e.getDeliver().getConnectionId() == connectionId
                && e.getDeliver().getMessage().getPayload().toStringUtf8().equals(payload);
    }
}
