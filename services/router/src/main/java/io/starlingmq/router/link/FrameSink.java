package io.starlingmq.router.link;

import io.grpc.Status;
import io.starlingmq.contract.link.v1.RouterFrame;

/** Where a {@link FrameSender} writes: the response side of one gateway stream. */
public interface FrameSink {

    /** Whether the transport takes another frame without buffering it. */
    boolean isReady();

    void send(RouterFrame frame);

    /** Ends the stream with an error status. */
    void fail(Status status);

    /** Ends the stream normally. */
    void complete();
}
