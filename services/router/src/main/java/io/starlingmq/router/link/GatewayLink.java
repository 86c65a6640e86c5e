package io.starlingmq.router.link;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.smallrye.mutiny.Uni;
import io.starlingmq.contract.link.v1.GatewayEvent;
import io.starlingmq.contract.link.v1.GatewayFrame;
import io.starlingmq.contract.link.v1.GatewayLoad;
import io.starlingmq.contract.link.v1.Heartbeat;
import io.starlingmq.contract.link.v1.RouterEvent;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One gateway stream. Inbound flow control is manual: the router asks for at most {@code framesAhead}
 * frames; the frames that arrived while the previous batch was handled are handled together as one
 * batch (their events in the order sent, store calls included) and only then asked for again. So a stream
 * never has more than {@code framesAhead} frames in the router, one publisher's messages keep their order,
 * and a busy stream costs store round trips per batch rather than per small frame.
 */
public final class GatewayLink implements StreamObserver<GatewayFrame> {

    private static final Logger LOG = Logger.getLogger(GatewayLink.class);
    /** A running and a scheduled batch, the end of the stream and our own abandonment, with room to spare. */
    private static final int INBOUND_BOUND = 5;

    private final ServerCallStreamObserver<?> call;
    private final FrameSender sender;
    private final FrameHandler handler;
    private final GatewayRegistry registry;
    private final OpeningSessions opening;
    private final InboundSequencer inbound = new InboundSequencer(INBOUND_BOUND);
    private final int framesAhead;
    private final OutboundCongestion congestion;
    private final AtomicLong framesReceived = new AtomicLong();
    /** The next request waits in {@link OutboundCongestion}: the router is not reading, so silence does not count. */
    private volatile boolean parked;
    /** Frames arrived and not yet taken into a batch; never more than framesAhead. */
    private final Queue<GatewayFrame> arrived = new ConcurrentLinkedQueue<>();
    private final AtomicInteger arrivedCount = new AtomicInteger();
    private final AtomicBoolean batchScheduled = new AtomicBoolean();
    private final Map<Long, LinkSession> sessions = new ConcurrentHashMap<>();
    private volatile String gatewayId;
    private volatile boolean replaced;
    /** What the gateway's latest heartbeat said of its load; null before the first. */
    private volatile GatewayLoad load;
    private volatile Heartbeat lastHeartbeat;
    /**
     * When the router last heard from the gateway or asked it for the next frame: silence counts only
     * while the router is ready to read, never while it is still busy with the previous frame.
     */
    private volatile long heardNanos = System.nanoTime();

    GatewayLink(ServerCallStreamObserver<?> call, FrameSink sink, int maxEventsPerFrame, int maxPendingFrames,
                int framesAhead, FrameHandler handler, GatewayRegistry registry, OutboundCongestion congestion) {
        this.call = call;
        this.framesAhead = framesAhead;
        this.congestion = congestion;
        this.sender = new FrameSender(sink, maxEventsPerFrame, maxPendingFrames, () -> gatewayId, this::abandon,
                new FrameSender.Pressure() {
                    @Override
                    public void congested() {
                        congestion.congested();
                    }

                    @Override
                    public void relieved() {
                        congestion.relieved();
                    }
                });
        this.handler = handler;
        this.registry = registry;
        this.opening = new OpeningSessions(sender);
    }

    public String gatewayId() {
        return gatewayId;
    }

    public FrameSender sender() {
        return sender;
    }

    /** The gateway's load as its latest heartbeat reported it, or null before the first. */
    /** What the gateway's latest heartbeat said (version, start, message rate), or null before the first. */
    public Heartbeat lastHeartbeat() {
        return lastHeartbeat;
    }

    public GatewayLoad load() {
        return load;
    }

    public void sessionOpened(LinkSession session) {
        sessions.put(session.connectionId(), session);
    }

    /** A SessionOpen is under way on this stream: deliveries to its connection wait for {@link #answerOpen}. */
    public void sessionOpening(long connectionId) {
        opening.opening(connectionId);
    }

    /** Frames read from the stream so far. */
    public long framesReceived() {
        return framesReceived.get();
    }

    /** Sends the answer to a SessionOpen (SessionOpened, and the queued deliveries after it), then the deliveries that waited. */
    public void answerOpen(long connectionId, List<RouterEvent> answer) {
        opening.opened(connectionId, answer);
    }

    /** Sends a SessionOpen's refusal; the deliveries that waited are dropped (the store keeps them). */
    public void refuseOpen(long connectionId, RouterEvent refusal) {
        opening.failed(connectionId, refusal);
    }

    /** Sends deliveries routed on any stream to connections of this gateway, behind their SessionOpened. */
    public void deliver(List<RouterEvent> deliveries) {
        opening.deliver(deliveries);
    }

    /** How many sessions this gateway holds through this router now. */
    public int sessionCount() {
        return sessions.size();
    }

    /** The connection ended (SessionClose): answers what was remembered of it, or null. */
    public LinkSession sessionEnded(long connectionId) {
        return sessions.remove(connectionId);
    }

    /** Asks for the first frames; called once, when the stream is accepted. */
    void start() {
        requestNext(framesAhead);
    }

    @Override
    public void onNext(GatewayFrame frame) {
        heardNanos = System.nanoTime();
        framesReceived.incrementAndGet();
        if (arrivedCount.incrementAndGet() > framesAhead) {
            sender.fail(Status.RESOURCE_EXHAUSTED.withDescription("frames sent beyond flow control"));
            return;
        }
        arrived.add(frame);
        if (batchScheduled.compareAndSet(false, true) && !inbound.submit(this::processArrived)) {
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

    private void requestNext(int frames) {
        heardNanos = System.nanoTime();
        call.request(frames);
    }

    /**
     * Handles every frame that arrived so far as one batch, then asks for as many again: at once, or, while
     * some gateway's outbound backlog is above its high-water mark, once it has drained.
     */
    private Uni<Void> processArrived() {
        batchScheduled.set(false);
        List<GatewayFrame> batch = new ArrayList<>();
        for (GatewayFrame frame = arrived.poll(); frame != null; frame = arrived.poll()) {
            batch.add(frame);
        }
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        arrivedCount.addAndGet(-batch.size());
        return process(batch).eventually(() -> requestWhenClear(batch.size()));
    }

    private void requestWhenClear(int frames) {
        parked = true;
        congestion.whenClear(() -> {
            parked = false;
            requestNext(frames);
        });
    }

    /** Nanoseconds since the gateway was last heard from while the router was ready to read; 0 while parked. */
    public long silentNanos(long nowNanos) {
        return parked ? 0 : nowNanos - heardNanos;
    }

    /** Nanoseconds the events for this gateway have waited without a frame being taken by it. */
    long stalledNanos(long nowNanos) {
        return sender.stalledNanos(nowNanos);
    }

    /** The gateway's heartbeat lapsed, or it took no frame for as long: it is dead or cut off; its sessions lost their connections. */
    void lapse() {
        LOG.warnf("gateway %s silent or not reading past its timeout: closing its stream, its sessions count as lost connections",
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

    private Uni<Void> process(List<GatewayFrame> frames) {
        List<GatewayEvent> events = eventsOf(frames);
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
        for (GatewayEvent event : events) {
            if (event.getEventCase() == GatewayEvent.EventCase.HEARTBEAT) {
                heartbeat(event.getHeartbeat());
            }
        }
        return handler.handle(this, events);
    }

    /** Records the gateway's load and answers with the fleet's, from which gateways even their connections. */
    private void heartbeat(Heartbeat heartbeat) {
        lastHeartbeat = heartbeat;
        load = GatewayLoad.newBuilder().setGatewayId(gatewayId).setConnections(heartbeat.getConnections())
                .setDraining(heartbeat.getDraining()).build();
        sender.send(RouterEvent.newBuilder().setFleetLoad(registry.fleetLoad()).build());
    }

    private static List<GatewayEvent> eventsOf(List<GatewayFrame> frames) {
        if (frames.size() == 1) {
            return frames.getFirst().getEventsList();
        }
        List<GatewayEvent> events = new ArrayList<>();
        frames.forEach(frame -> events.addAll(frame.getEventsList()));
        return events;
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
