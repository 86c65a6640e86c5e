package io.starlingmq.gateway.mqtt;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import io.starlingmq.gateway.session.Connection;

/** The accepted connection of a channel, set once its CONNECT was accepted. */
final class ChannelAttributes {

    private static final AttributeKey<Connection> CONNECTION = AttributeKey.valueOf("starling.connection");

    private ChannelAttributes() {
    }

    static void connection(Channel channel, Connection connection) {
        channel.attr(CONNECTION).set(connection);
    }

    /** Null before CONNECT was accepted. */
    static Connection connection(Channel channel) {
        return channel.attr(CONNECTION).get();
    }
}
