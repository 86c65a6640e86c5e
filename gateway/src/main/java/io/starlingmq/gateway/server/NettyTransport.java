package io.starlingmq.gateway.server;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.jboss.logging.Logger;

/**
 * Native epoll when its classes and native library are present, NIO otherwise. The epoll classes are
 * looked up by name because the native transport is an optional runtime addition (a platform-specific
 * artifact), not a compile-time dependency.
 */
final class NettyTransport {

    private static final Logger LOG = Logger.getLogger(NettyTransport.class);
    private static final String EPOLL = "io.netty.channel.epoll.Epoll";
    private static final String EPOLL_GROUP = "io.netty.channel.epoll.EpollEventLoopGroup";
    private static final String EPOLL_SERVER_CHANNEL = "io.netty.channel.epoll.EpollServerSocketChannel";
    private static final String EPOLL_SOCKET_CHANNEL = "io.netty.channel.epoll.EpollSocketChannel";

    private final boolean epoll;

    NettyTransport() {
        this.epoll = epollAvailable();
        LOG.debugf("MQTT transport: %s", epoll ? "epoll" : "nio");
    }

    String name() {
        return epoll ? "epoll" : "nio";
    }

    EventLoopGroup newGroup(int threads, String name) {
        DefaultThreadFactory factory = new DefaultThreadFactory(name, true);
        if (epoll) {
            try {
                return (EventLoopGroup) Class.forName(EPOLL_GROUP)
                        .getConstructor(int.class, java.util.concurrent.ThreadFactory.class)
                        .newInstance(threads, factory);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("epoll reported available but cannot be used", e);
            }
        }
        return new NioEventLoopGroup(threads, factory);
    }

    Class<? extends ServerChannel> serverChannel() {
        return channelClass(EPOLL_SERVER_CHANNEL, ServerChannel.class, NioServerSocketChannel.class);
    }

    /** The client channel class that runs on this transport's event loops (the router links use it). */
    Class<? extends Channel> socketChannel() {
        return channelClass(EPOLL_SOCKET_CHANNEL, Channel.class, NioSocketChannel.class);
    }

    private <T extends Channel> Class<? extends T> channelClass(String epollName, Class<T> kind,
            Class<? extends T> nio) {
        if (!epoll) {
            return nio;
        }
        try {
            return Class.forName(epollName).asSubclass(kind);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("epoll reported available but cannot be used", e);
        }
    }

    private static boolean epollAvailable() {
        try {
            return (Boolean) Class.forName(EPOLL).getMethod("isAvailable").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;
        }
    }
}
