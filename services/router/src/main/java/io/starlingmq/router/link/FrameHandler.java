package io.starlingmq.router.link;

import io.smallrye.mutiny.Uni;
import io.starlingmq.contract.link.v1.GatewayEvent;

import java.util.List;

/** What a gateway stream does with its inbound events, once Hello has named the gateway. */
public interface FrameHandler {

    /** Handles the events of one frame in order; completes when their store calls completed. */
    Uni<Void> handle(GatewayLink link, List<GatewayEvent> events);

    /** The stream ended: every session opened over it and still held by it lost its connection. */
    Uni<Void> streamLost(GatewayLink link, List<LinkSession> sessions);
}
