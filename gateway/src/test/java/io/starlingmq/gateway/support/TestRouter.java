package io.starlingmq.gateway.support;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.starlingmq.contract.link.v1.GatewayEvent;
import io.starlingmq.contract.link.v1.GatewayFrame;
import io.starlingmq.contract.link.v1.Publish;
import io.starlingmq.contract.link.v1.PublishDone;
import io.starlingmq.contract.link.v1.PublishRelease;
import io.starlingmq.contract.link.v1.ReleaseDone;
import io.starlingmq.contract.link.v1.RouterEvent;
import io.starlingmq.contract.link.v1.RouterFrame;
import io.starlingmq.contract.link.v1.RouterLinkGrpc;
import io.starlingmq.contract.link.v1.SessionOpen;
import io.starlingmq.contract.link.v1.SessionOpened;
import io.starlingmq.contract.link.v1.Subscribe;
import io.starlingmq.contract.link.v1.Subscribed;
import io.starlingmq.contract.link.v1.SubscriptionRequest;
import io.starlingmq.contract.link.v1.Unsubscribed;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * An in-test router: records every gateway event and answers like a router would (a PublishRelease gets
 * 0x92 unless a QoS 2 publish with that packet id was answered before). Client ids steer it:
 * "silent-*" gets no SessionOpened, "present-*" gets session_present, "hold-*" publishes get their
 * PublishDone only when the test releases them.
 */
public final class TestRouter extends RouterLinkGrpc.RouterLinkImplBase {

    private final List<GatewayEvent> events = new CopyOnWriteArrayList<>();
    private final Map<String, Publish> heldPublishes = new ConcurrentHashMap<>();
    /** "clientId/packetId" of QoS 2 publishes answered and not released yet, as a router's store keeps them */
    private final Set<String> receivedQos2 = ConcurrentHashMap.newKeySet();
    private volatile StreamObserver<RouterFrame> toGateway;
    private Server server;

    public void start(int port) throws IOException {
        server = NettyServerBuilder.forPort(port).addService(this).build().start();
    }

    public void stop() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Override
    public StreamObserver<GatewayFrame> link(StreamObserver<RouterFrame> responses) {
        toGateway = responses;
        return new StreamObserver<>() {
            @Override
            public void onNext(GatewayFrame frame) {
                for (GatewayEvent event : frame.getEventsList()) {
                    events.add(event);
                    answer(event);
                }
            }

            @Override
            public void onError(Throwable error) {
                // The gateway went away; it reopens the link itself.
            }

            @Override
            public void onCompleted() {
                responses.onCompleted();
            }
        };
    }

    private void answer(GatewayEvent event) {
        switch (event.getEventCase()) {
            case SESSION_OPEN -> {
                SessionOpen open = event.getSessionOpen();
                if (!open.getClientId().startsWith("silent-")) {
                    send(RouterEvent.newBuilder().setSessionOpened(SessionOpened.newBuilder()
                            .setConnectionId(open.getConnectionId())
                            .setSessionPresent(open.getClientId().startsWith("present-"))).build());
                }
            }
            case SUBSCRIBE -> {
                Subscribe subscribe = event.getSubscribe();
                Subscribed.Builder subscribed = Subscribed.newBuilder()
                        .setConnectionId(subscribe.getConnectionId()).setPacketId(subscribe.getPacketId());
                for (SubscriptionRequest request : subscribe.getSubscriptionsList()) {
                    subscribed.addReasonCodes(Math.min(request.getQos(), 2));
                }
                send(RouterEvent.newBuilder().setSubscribed(subscribed).build());
            }
            case UNSUBSCRIBE -> send(RouterEvent.newBuilder().setUnsubscribed(Unsubscribed.newBuilder()
                    .setConnectionId(event.getUnsubscribe().getConnectionId())
                    .setPacketId(event.getUnsubscribe().getPacketId())
                    .addAllReasonCodes(event.getUnsubscribe().getFiltersList().stream().map(f -> 0).toList()))
                    .build());
            case PUBLISH -> {
                Publish publish = event.getPublish();
                if (publish.getMessage().getQos() == 0) {
                    return;
                }
                if (publish.getMessage().getQos() == 2) {
                    receivedQos2.add(publish.getClientId() + "/" + publish.getPacketId());
                }
                if (publish.getClientId().startsWith("hold-")) {
                    heldPublishes.put(publish.getClientId() + "/" + publish.getPacketId(), publish);
                } else {
                    sendPublishDone(publish);
                }
            }
            case PUBLISH_RELEASE -> {
                PublishRelease release = event.getPublishRelease();
                boolean known = receivedQos2.remove(release.getClientId() + "/" + release.getPacketId());
                send(RouterEvent.newBuilder().setReleaseDone(ReleaseDone.newBuilder()
                        .setConnectionId(release.getConnectionId()).setPacketId(release.getPacketId())
                        .setReasonCode(known ? 0x00 : 0x92)).build());
            }
            default -> {
                // Hello, SessionClose and DeliveryAck need no answer.
            }
        }
    }

    /** Answers a held QoS 1 publish of the given client. */
    public void releasePublishDone(String clientId, int packetId) {
        sendPublishDone(heldPublishes.remove(clientId + "/" + packetId));
    }

    private void sendPublishDone(Publish publish) {
        send(RouterEvent.newBuilder().setPublishDone(PublishDone.newBuilder()
                .setConnectionId(publish.getConnectionId()).setPacketId(publish.getPacketId())).build());
    }

    /** Fails the gateway's stream from the router's side, as a crashed router would. */
    public synchronized void dropLink() {
        toGateway.onError(Status.UNAVAILABLE.withDescription("router going away").asRuntimeException());
    }

    public synchronized void send(RouterEvent event) {
        toGateway.onNext(RouterFrame.newBuilder().addEvents(event).build());
    }

    public List<GatewayEvent> events(Predicate<GatewayEvent> filter) {
        return events.stream().filter(filter).toList();
    }

    /** The connection id of the most recent SessionOpen for this client id, or -1. */
    public long connectionIdOf(String clientId) {
        return events.stream()
                .filter(GatewayEvent::hasSessionOpen)
                .map(GatewayEvent::getSessionOpen)
                .filter(open -> open.getClientId().equals(clientId))
                .mapToLong(SessionOpen::getConnectionId)
                .reduce((first, second) -> second)
                .orElse(-1);
    }

    public long sessionCloses(long connectionId) {
        return events.stream()
                .filter(event -> event.hasSessionClose() && event.getSessionClose().getConnectionId() == connectionId)
                .count();
    }

    public boolean hasHello() {
        return events.stream().anyMatch(GatewayEvent::hasHello);
    }
}
