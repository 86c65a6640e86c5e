package io.starlingmq.gateway.link;

import io.starlingmq.contract.link.v1.RouterEvent;

/** Where the events a router sends end up. */
public interface RouterFrameSink {

    void onRouterEvent(RouterEvent event);

    /** The stream to the router at this index was lost. */
    void onLinkLost(int routerIndex);
}
