package io.starlingmq.router.link;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.starlingmq.contract.link.v1.GatewayFrame;
import io.starlingmq.contract.link.v1.RouterFrame;
import io.starlingmq.contract.link.v1.RouterLinkGrpc;
import io.starlingmq.router.config.RouterConfig;
import io.starlingmq.router.index.RouterReadiness;
import jakarta.inject.Inject;

/** The gRPC RouterLink service: one {@link GatewayLink} per gateway stream. */
@GrpcService
public class LinkService extends RouterLinkGrpc.RouterLinkImplBase {

    @Inject
    RouterConfig config;
    @Inject
    FrameHandler handler;
    @Inject
    GatewayRegistry registry;
    @Inject
    RouterReadiness readiness;
    @Inject
    OutboundCongestion congestion;

    @Override
    public StreamObserver<GatewayFrame> link(StreamObserver<RouterFrame> responseObserver) {
        ServerCallStreamObserver<RouterFrame> call = (ServerCallStreamObserver<RouterFrame>) responseObserver;
        call.disableAutoRequest();
        GatewayLink link = new GatewayLink(call, new GrpcFrameSink(call), config.maxEventsPerFrame(),
                config.maxPendingFramesPerGateway(), config.maxFramesPerBatch(), handler, registry, congestion);
        call.setOnReadyHandler(link.sender()::drain);
        if (!readiness.isReady()) {
            link.sender().fail(Status.UNAVAILABLE.withDescription("router is starting: indexes not loaded yet"));
        } else {
            link.start();
        }
        return link;
    }
}
