package io.starlingmq.gateway.link;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;

/** The event loop a router link's stream runs on, and the channel class that fits that loop. */
public record LinkLoop(EventLoop loop, Class<? extends Channel> channelType) {
}
