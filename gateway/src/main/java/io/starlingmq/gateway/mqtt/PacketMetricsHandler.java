package io.starlingmq.gateway.mqtt;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.starlingmq.gateway.metrics.GatewayMetrics;

/** Counts MQTT packets in and out by type, and PUBLISH packets by QoS. */
@ChannelHandler.Sharable
public final class PacketMetricsHandler extends ChannelDuplexHandler {

    private final GatewayMetrics metrics;

    public PacketMetricsHandler(GatewayMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MqttMessage message && message.decoderResult().isSuccess()
                && message.fixedHeader() != null) {
            metrics.packetIn(message.fixedHeader().messageType());
            if (message.fixedHeader().messageType() == MqttMessageType.PUBLISH) {
                metrics.traffic().messageReceived(message.fixedHeader().qosLevel().value());
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof MqttMessage message && message.fixedHeader() != null) {
            metrics.packetOut(message.fixedHeader().messageType());
            if (message.fixedHeader().messageType() == MqttMessageType.PUBLISH) {
                metrics.traffic().messageSent(message.fixedHeader().qosLevel().value());
            }
        }
        ctx.write(msg, promise);
    }
}
