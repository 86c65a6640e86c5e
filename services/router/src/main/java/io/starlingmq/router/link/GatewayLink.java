package io.starlingmq.router.link;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.smallrye.mutiny.Uni;
import io.starlingmq.contract.link.v1.GatewayEvent;
import io.starlingmq.contract.link.v1.GatewayFrame;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One gateway stream. Inbound flow control is manual: one frame is requested, handled to the end
 * (store calls included), then the next is requested, so a stream never has more than one frame in
 * the router and one publisher's messages keep their order.
 */
public final class GatewayLink implements StreamObserver<GatewayFrame> {

    private static final Logger LOG = Logger.getLogger(GatewayLink.class);
    /** One requested frame, the end of the stream and our own abandonment, with room to spare. */
    private static final int INBOUND_BOUND = 4;

    private final ServerCallStreamObserver<?> call;
    private final FrameSender sender;
    private final FrameHandler handler;
    private final GatewayRegistry registry;
    private final InboundSequencer inbound = new InboundSequencer(INBOUND_BOUND);
    private final Map<Long, LinkSession> sessions = new ConcurrentHashMap<>();
    private volatile String gatewayId;
    private volatile boolean replaced;
    /**
     * When the router last heard from the gateway or asked it for the next frame: silence counts only
     * while the router is ready to read, never while it is still busy with the previous frame.
     */
    private volatile long heardNanos = System.nanoTime();

    GatewayLink(ServerCallStreamObserver<?> call, FrameSink sink, int maxEventsPerFrame, int maxPendingFrames,
                FrameHandler handler, GatewayRegistry registry) {
        this.call = call;
        this.sender = new FrameSender(sink, maxEventsPerFrame, maxPendingFrames, () -> gatewayId, this::abandon);
        this.handler = handler;
        this.registry = registry;
    }

    public String gatewayId() {
        return gatewayId;
    }

    public FrameSender sender() {
        return sender;
    }

    public void sessionOpened(LinkSession session) {
        sessions.put(session.connectionId(), session);
    }

    /** The connection ended (SessionClose): answers what was remembered of it, or null. */
    public LinkSession sessionEnded(long connectionId) {
        return sessions.remove(connectionId);
    }

    @Override
    public void onNext(GatewayFrame frame) {
        heardNanos = System.nanoTime();
        boolean accepted = inbound.submit(() -> process(frame).eventually(this::requestNext));
        if (!accepted) {
            sender.fail(Status.RESOURCE_EXHAUSTED.withDescription("frames sent beyond flow control"));
        }
    }

    @Override
    public void onError(Throwable t) {
        LOG.debugf("stream of gateway %s ended: %s", gatewayId, Status.fromThrowable(t));
        inbound.submit(this::lost);
    }

    @Override
    public void onCompleted() {
        inbound.submit(() -> lost().invoke(sender::complete));
    }

    private void requestNext() {
        heardNanos = System.nanoTime();
        call.request(1);
    }

    /** Nanoseconds since the gateway was last heard from while the router was ready to read. */
    long silentNanos(long nowNanos) {
        return nowNanos - heardNanos;
    }

    /** The gateway's heartbeat lapsed: it is dead or cut off; its sessions lost their connections. */
    void lapse() {
        LOG.warnf("gateway %s silent past its timeout: closing its stream, its sessions count as lost connections",
                gatewayId);
        sender.fail(Status.UNAVAILABLE.withDescription("no heartbeat from gateway " + gatewayId));
        inbound.submit(this::lost);
    }

    /** We closed the stream (gateway too slow): its sessions lost their connections. */
    private void abandon() {
        LOG.warnf("abandoning the stream of gateway %s: its sessions count as lost connections", gatewayId);
        inbound.submit(this::lost);
    }

    /** A newer stream of the same gateway took over: its sessions move there and this stream ends. */
    void replacedBy(GatewayLink newer) {
        replaced = true;
        newer.sessions.putAll(sessions);
        sessions.clear();
        sender.fail(Status.ABORTED.withDescription("replaced by a newer stream of gateway " + gatewayId));
    }

    private Uni<Void> process(GatewayFrame frame) {
        List<GatewayEvent> events = frame.getEventsList();
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (gatewayId == null) {
            GatewayEvent first = events.get(0);
            if (first.getEventCase() != GatewayEvent.EventCase.HELLO || first.getHello().getGatewayId().isEmpty()) {
                LOG.warnf("gateway stream did not start with Hello (got %s): closing it", first.getEventCase());
                sender.fail(Status.INVALID_ARGUMENT.withDescription("the first event must be Hello with a gateway id"));
                return Uni.createFrom().voidItem();
            }
            hello(first.getHello().getGatewayId());
            events = events.subList(1, events.size());
        }
        if (sender.isClosed()) {
            return Uni.createFrom().voidItem();
        }
        return handler.handle(this, events);
    }

    private void hello(String id) {
        gatewayId = id;
        GatewayLink older = registry.register(this);
        if (older != null && older != this) {
            older.replacedBy(this);
        }
        LOG.debugf("gateway %s linked", id);
    }

    private Uni<Void> lost() {
        if (gatewayId == null) {
            return Uni.createFrom().voidItem();
        }
        registry.unregister(this);
        List<LinkSession> held = List.copyOf(sessions.values());
        sessions.clear();
        if (replaced || held.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        LOG.infof("stream of gateway %s lost with %d sessions", gatewayId, held.size());
        return handler.streamLost(this, held);
    }
}
