package io.starlingmq.bench.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.starlingmq.bench.client.BenchClient;
import io.starlingmq.bench.client.ConnectionEnd;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The raw Netty MQTT client as a {@link BenchClient}: one channel on the shared event loops of
 * {@link NettyClients}, no executor or thread of its own. Each connect opens a new channel.
 */
final class NettyBenchClient implements BenchClient {

    private static final int CONNECT_TIMEOUT_MILLIS = 30_000;
    /** Largest packet the client decodes: the bench's largest payload (1,000,000 bytes) with room for headers. */
    private static final int MAX_PACKET_BYTES = 2 * 1024 * 1024;
    /** A slow reader takes the socket a few kilobytes at a time, so pauses come between small batches. */
    private static final int SLOW_READ_CHUNK_BYTES = 4096;
    /**
     * A slow reader's socket receive buffer: small, so the broker meets a full socket after ~700 messages of
     * 90 bytes rather than after the megabytes the kernel would otherwise buffer on loopback.
     */
    private static final int SLOW_READ_SOCKET_BUFFER_BYTES = 64 * 1024;

    private final NettyClientSpec spec;
    private volatile MqttClientHandler handler;

    NettyBenchClient(NettyClientSpec spec) {
        this.spec = spec;
    }

    @Override
    public CompletableFuture<Void> connect(boolean persistent) {
        MqttClientHandler h = new MqttClientHandler(spec, persistent);
        handler = h;
        Bootstrap bootstrap = new Bootstrap().group(NettyClients.groupFor(spec)).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new MqttDecoder(MAX_PACKET_BYTES), MqttEncoder.INSTANCE, h);
                    }
                });
        if (spec.pacedReads()) {
            bootstrap.option(ChannelOption.AUTO_READ, false)
                    .option(ChannelOption.SO_RCVBUF, SLOW_READ_SOCKET_BUFFER_BYTES)
                    .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(SLOW_READ_CHUNK_BYTES));
        }
        InetSocketAddress remote = new InetSocketAddress(spec.endpoint().host(), spec.endpoint().port());
        ChannelFuture opened = spec.endpoint().localAddress() == null ? bootstrap.connect(remote)
                : bootstrap.connect(remote, new InetSocketAddress(spec.endpoint().localAddress(), 0));
        opened.addListener(f -> {
            if (!f.isSuccess()) {
                h.connected().completeExceptionally(f.cause());
            }
        });
        return h.connected().orTimeout(CONNECT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .whenComplete((grant, failure) -> {
                    if (failure != null) {
                        opened.channel().close();
                    }
                })
                .thenApply(grant -> null);
    }

    @Override
    public CompletableFuture<Void> subscribe(String filter, int qos) {
        MqttClientHandler h = handler;
        return h == null ? notConnected() : h.subscribe(filter, qos);
    }

    @Override
    public CompletableFuture<Void> publish(String topic, int qos, byte[] payload) {
        MqttClientHandler h = handler;
        return h == null ? notConnected() : h.publish(topic, qos, payload);
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        MqttClientHandler h = handler;
        return h == null ? CompletableFuture.completedFuture(null) : h.disconnect();
    }

    @Override
    public Optional<ConnectionEnd> endedByBroker() {
        MqttClientHandler h = handler;
        return h == null ? Optional.empty() : Optional.ofNullable(h.end());
    }

    @Override
    public OptionalInt brokerReceiveMaximum() {
        MqttClientHandler h = handler;
        if (!spec.mqtt5() || h == null || h.receiveMaximum() == 0) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(h.receiveMaximum());
    }

    private CompletableFuture<Void> notConnected() {
        return CompletableFuture.failedFuture(new IllegalStateException(spec.clientId() + " never connected"));
    }
}
