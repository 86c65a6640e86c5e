package io.starlingmq.bench.client;

import java.net.InetAddress;

/**
 * Where clients connect, and from which local address (null: the system chooses). Several 127.0.0.x
 * source addresses lift the ~28,000 ephemeral ports limit of a single source address.
 */
public record Endpoint(String host, int port, InetAddress localAddress) {

    public Endpoint withLocalAddress(InetAddress address) {
        return new Endpoint(host, port, address);
    }
}
