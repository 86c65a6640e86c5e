package io.starlingmq.gateway.mqtt;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.starlingmq.gateway.metrics.TrafficMeters;

/**
 * Counts the bytes of MQTT packets read and written. It sits right after the transport stages, so a
 * byte counts the same over TCP, TLS and WebSocket; bytes written are counted when handed to the
 * transport, whether or not the socket later takes them.
 */
@ChannelHandler.Sharable
public final class ByteMetricsHandler extends ChannelDuplexHandler {

    private final TrafficMeters traffic;

    public ByteMetricsHandler(TrafficMeters traffic) {
        this.traffic = traffic;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes) {
            traffic.bytesReceived(bytes.readableBytes());
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf bytes) {
            traffic.bytesSent(bytes.readableBytes());
        }
        ctx.write(msg, promise);
    }
}
