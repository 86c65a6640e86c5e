package io.starlingmq.router.link;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.starlingmq.contract.link.v1.RouterFrame;
import org.jboss.logging.Logger;

/** A {@link FrameSink} over the response observer of a gRPC call; ignores writes once the call is gone. */
final class GrpcFrameSink implements FrameSink {

    private static final Logger LOG = Logger.getLogger(GrpcFrameSink.class);

    private final ServerCallStreamObserver<RouterFrame> call;

    GrpcFrameSink(ServerCallStreamObserver<RouterFrame> call) {
        this.call = call;
    }

    @Override
    public boolean isReady() {
        return !call.isCancelled() && call.isReady();
    }

    @Override
    public void send(RouterFrame frame) {
        if (!call.isCancelled()) {
            call.onNext(frame);
        }
    }

    @Override
    public void fail(Status status) {
        end(() -> call.onError(status.asRuntimeException()));
    }

    @Override
    public void complete() {
        end(call::onCompleted);
    }

    private void end(Runnable ending) {
        if (call.isCancelled()) {
            return;
        }
        try {
            ending.run();
        } catch (IllegalStateException alreadyClosed) {
            LOG.debugf("gateway stream already closed: %s", alreadyClosed.getMessage());
        }
    }
}
