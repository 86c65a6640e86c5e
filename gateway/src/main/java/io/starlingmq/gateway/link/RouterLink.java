package io.starlingmq.gateway.link;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.channel.EventLoop;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.starlingmq.contract.link.v1.GatewayEvent;
import io.starlingmq.contract.link.v1.Heartbeat;
import io.starlingmq.contract.link.v1.GatewayFrame;
import io.starlingmq.contract.link.v1.Hello;
import io.starlingmq.contract.link.v1.RouterEvent;
import io.starlingmq.contract.link.v1.RouterFrame;
import io.starlingmq.contract.link.v1.RouterLinkGrpc;
import io.starlingmq.gateway.metrics.GatewayMetrics;
import io.starlingmq.gateway.metrics.LinkMeters;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One gRPC stream to one router, reopened with backoff whenever it ends. A router that said it is leaving
 * serves the connections it has, but no new client id maps to it until a new stream opens.
 */
public final class RouterLink {

    private static final Logger LOG = Logger.getLogger(RouterLink.class);

    private final String target;
    private final String gatewayId;
    private final RouterFrameSink sink;
    private final ScheduledExecutorService scheduler;
    private final Backoff backoff;
    private final EventLoop loop;
    private final FrameBatcher batcher;
    private final ManagedChannel channel;
    private final FleetView fleet;
    private final LinkMeters meters;

    private volatile ClientCallStreamObserver<GatewayFrame> current;
    private volatile boolean stopped;
    private volatile boolean leaving;
    private final Runnable onLeaving;

    RouterLink(String target, String gatewayId, int queueSize, int batchSize, Backoff backoff,
            RouterFrameSink sink, ScheduledExecutorService scheduler, LinkLoop linkLoop, FleetView fleet,
            GatewayMetrics metrics, Runnable onLeaving) {
        this.onLeaving = onLeaving;
        this.fleet = fleet;
        this.target = target;
        this.gatewayId = gatewayId;
        this.sink = sink;
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.loop = linkLoop.loop();
        // The batcher writes on the stream's own event loop, so a write is not handed to another thread.
        this.meters = metrics.link(target);
        this.batcher = new FrameBatcher(queueSize, batchSize, loop, meters::frameSent);
        meters.queueDepth(batcher::queued);
        // Callbacks run on the transport's thread, that same loop: they only hand frames on, so a hop
        // through gRPC's default executor would cost a thread switch per frame for nothing.
        this.channel = NettyChannelBuilder.forTarget(target).usePlaintext().directExecutor()
                .eventLoopGroup(loop).channelType(linkLoop.channelType()).build();
    }

    void start() {
        open();
    }

    /** The router's address ({@code host:port}), which is also its name in the rendezvous. */
    public String target() {
        return target;
    }

    /** Up, and not leaving: new client ids may map to it. */
    public boolean live() {
        return !leaving && isUp();
    }

    /** The router said it is shutting down: its connections are to move elsewhere. */
    public boolean leaving() {
        return leaving;
    }

    boolean send(GatewayEvent event) {
        return batcher.offer(event);
    }

    boolean congested() {
        return batcher.congested();
    }

    void whenDrained(Runnable task) {
        batcher.whenDrained(task);
    }

    /** Tells the router this gateway is alive, and its load; only while a stream is open. */
    void heartbeat(Heartbeat heartbeat) {
        if (current != null && !stopped) {
            batcher.offer(GatewayEvent.newBuilder().setHeartbeat(heartbeat).build());
        }
    }

    /** Up when a stream is open on a connected channel. */
    public boolean isUp() {
        return current != null && channel.getState(false) == ConnectivityState.READY;
    }

    /** Flushes what is queued, half-closes the stream and shuts the channel down within the timeout. */
    void stop(long timeoutMillis) {
        stopped = true;
        batcher.complete();
        try {
            // The loop runs its tasks in order: once this one ran, the batcher's last writes were made.
            loop.submit(() -> { }).await(timeoutMillis, TimeUnit.MILLISECONDS);
            channel.shutdown().awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channel.shutdownNow();
    }

    private void open() {
        if (stopped) {
            return;
        }
        StreamObserver observer = new StreamObserver();
        // a new stream may reach a new router process at this address: it is not leaving until it says so
        leaving = false;
        RouterLinkGrpc.newStub(channel).link(observer);
        // beforeStart runs inside link(), so the request stream is known once link() returns.
        current = observer.requests;
        batcher.attach(observer.requests, GatewayEvent.newBuilder()
                .setHello(Hello.newBuilder().setGatewayId(gatewayId)).build());
    }

    /** Receives one stream's router frames and its end. */
    private final class StreamObserver implements ClientResponseObserver<GatewayFrame, RouterFrame> {
        private ClientCallStreamObserver<GatewayFrame> requests;

        @Override
        public void beforeStart(ClientCallStreamObserver<GatewayFrame> requestStream) {
            requests = requestStream;
            requestStream.setOnReadyHandler(batcher::scheduleDrain);
        }

        @Override
        public void onNext(RouterFrame frame) {
            meters.frameReceived();
            backoff.reset();
            for (RouterEvent event : frame.getEventsList()) {
                if (event.getEventCase() == RouterEvent.EventCase.FLEET_LOAD) {
                    fleet.update(event.getFleetLoad(), System.nanoTime());
                } else if (event.getEventCase() == RouterEvent.EventCase.REBALANCE_NOW) {
                    fleet.rebalanceAsked();
                } else if (event.getEventCase() == RouterEvent.EventCase.ROUTER_LEAVING && !leaving) {
                    LOG.infof("router %s is leaving: its clients move to the other routers", target);
                    leaving = true;
                    onLeaving.run();
                }
            }
            sink.onRouterEvents(frame.getEventsList());
        }

        @Override
        public void onError(Throwable error) {
            LOG.debugf("Link to router %s failed: %s", target, error.getMessage());
            lost(requests);
        }

        @Override
        public void onCompleted() {
            LOG.debugf("Router %s ended the link", target);
            lost(requests);
        }
    }

    private void lost(ClientCallStreamObserver<GatewayFrame> stream) {
        if (current == stream) {
            current = null;
        }
        if (stopped) {
            return;
        }
        batcher.detach(stream);
        sink.onLinkLost(this);
        long delay = backoff.nextDelayMillis();
        LOG.debugf("Reopening link to router %s in %d ms", target, delay);
        scheduler.schedule(this::open, delay, TimeUnit.MILLISECONDS);
    }
}
