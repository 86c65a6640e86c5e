package io.starlingmq.bench.netty;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.starlingmq.bench.client.BenchClient;

/**
 * Builds raw Netty MQTT clients. Publishers and idle connections share one event loop group, a thread per
 * core: thousands of connections cost no thread, executor or timer of their own, so a connect storm
 * measures the broker. Subscribers (clients that receive messages) have an event loop of their own, so
 * that a burst of publishers' writes queued on a shared loop never delays reading a delivery, whose
 * latency is taken on arrival.
 */
public final class NettyClients {

    private static volatile EventLoopGroup group;
    private static volatile EventLoopGroup receiving;

    private NettyClients() {
    }

    public static BenchClient create(NettyClientSpec spec) {
        return new NettyBenchClient(spec);
    }

    /** The event loops of a client: its own for a subscriber, the shared ones otherwise. */
    static EventLoopGroup groupFor(NettyClientSpec spec) {
        return spec.onMessage() != null ? receivingGroup() : group();
    }

    private static EventLoopGroup receivingGroup() {
        EventLoopGroup g = receiving;
        if (g == null) {
            synchronized (NettyClients.class) {
                if (receiving == null) {
                    receiving = new NioEventLoopGroup(1, new DefaultThreadFactory("bench-netty-receive", true));
                }
                g = receiving;
            }
        }
        return g;
    }

    /** Daemon threads: the bench exits without closing the group. */
    static EventLoopGroup group() {
        EventLoopGroup g = group;
        if (g == null) {
            synchronized (NettyClients.class) {
                if (group == null) {
                    group = new NioEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                            new DefaultThreadFactory("bench-netty", true));
                }
                g = group;
            }
        }
        return g;
    }
}
