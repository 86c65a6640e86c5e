package io.starlingmq.gateway.server;

/** One enabled listener: where it binds and the transport stages its connections get. */
record Listener(String name, String host, int port, TransportStages stages) {
}
