package io.starlingmq.gateway.mqtt;

import com.google.common.net.HostAndPort;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** The client's address as "host:port" ("[v6]:port" for IPv6), for the router's client events. */
final class PeerAddress {

    private PeerAddress() {
    }

    static String of(Channel channel) {
        SocketAddress remote = channel.remoteAddress();
        if (remote instanceof InetSocketAddress inet) {
            String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            return HostAndPort.fromParts(host, inet.getPort()).toString();
        }
        return remote == null ? "" : remote.toString();
    }
}
