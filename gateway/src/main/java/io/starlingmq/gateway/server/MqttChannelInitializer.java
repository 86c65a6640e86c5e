package io.starlingmq.gateway.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.starlingmq.gateway.codec.StrictFrameDecoder;
import io.starlingmq.gateway.mqtt.ByteMetricsHandler;
import io.starlingmq.gateway.mqtt.ConnectHandler;
import io.starlingmq.gateway.mqtt.ConnectionServices;
import io.starlingmq.gateway.mqtt.DecodeFailureHandler;
import io.starlingmq.gateway.mqtt.MqttPipeline;
import io.starlingmq.gateway.mqtt.PacketMetricsHandler;
import io.starlingmq.gateway.mqtt.ReauthenticationHandler;
import java.util.function.Consumer;

/**
 * Builds the pipeline of a new MQTT connection: the listener's transport stages (TLS, WebSocket), then the
 * MQTT handlers; keepalive and session handlers join after CONNECT.
 */
final class MqttChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final ConnectionServices services;
    private final PacketMetricsHandler packetMetrics;
    private final ByteMetricsHandler byteMetrics;
    private final Consumer<SocketChannel> onAccepted;
    private final TransportStages transport;

    MqttChannelInitializer(ConnectionServices services, Consumer<SocketChannel> onAccepted,
            TransportStages transport) {
        this.services = services;
        this.transport = transport;
        this.packetMetrics = new PacketMetricsHandler(services.metrics());
        this.byteMetrics = new ByteMetricsHandler(services.metrics().traffic());
        this.onAccepted = onAccepted;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        onAccepted.accept(channel);
        transport.addTo(channel);
        channel.pipeline()
                // Many deliveries in one event-loop turn become one socket write, not one each.
                .addLast(MqttPipeline.FLUSH_CONSOLIDATION, new FlushConsolidationHandler(
                        FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true))
                .addLast(MqttPipeline.BYTE_METRICS, byteMetrics)
                .addLast(MqttPipeline.FRAME_CHECK, new StrictFrameDecoder(services.config().maxPacketSize()))
                .addLast(MqttPipeline.DECODER, new MqttDecoder(services.config().maxPacketSize(),
                        services.config().maxClientIdLength()))
                .addLast(MqttPipeline.ENCODER, MqttEncoder.INSTANCE)
                .addLast(MqttPipeline.METRICS, packetMetrics)
                .addLast(MqttPipeline.DECODE_FAILURE, DecodeFailureHandler.INSTANCE)
                .addLast(MqttPipeline.REAUTHENTICATION, new ReauthenticationHandler(services.authorizer()))
                .addLast(MqttPipeline.CONNECT, new ConnectHandler(services));
    }
}
