package io.starlingmq.gateway.session;

import io.starlingmq.contract.link.v1.RouterEvent;

/** The handler currently in charge of a connection; always called on the connection's event loop. */
public interface RouterEventListener {

    void onRouterEvent(RouterEvent event);

    /** The link to the router serving this connection's client id was lost. */
    void onLinkLost();
}
