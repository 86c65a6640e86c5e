package io.starlingmq.gateway.link;

import io.starlingmq.contract.link.v1.RouterEvent;
import java.util.List;

/** Where the events a router sends end up. */
public interface RouterFrameSink {

    /** The events of one frame, in order. */
    void onRouterEvents(List<RouterEvent> events);

    /** The stream to this router was lost. */
    void onLinkLost(RouterLink link);
}
