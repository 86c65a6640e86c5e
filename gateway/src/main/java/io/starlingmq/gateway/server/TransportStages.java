package io.starlingmq.gateway.server;

import io.netty.channel.socket.SocketChannel;

/** The pipeline stages a listener puts in front of the MQTT handlers (TLS, WebSocket, or none). */
@FunctionalInterface
interface TransportStages {

    /** Plain TCP: the MQTT decoder reads the socket directly. */
    TransportStages NONE = channel -> {
    };

    /** Appends this transport's handlers; called before the MQTT handlers are appended. */
    void addTo(SocketChannel channel);

    /** These stages, then {@code next} (e.g. TLS, then WebSocket). */
    default TransportStages then(TransportStages next) {
        return channel -> {
            addTo(channel);
            next.addTo(channel);
        };
    }
}
