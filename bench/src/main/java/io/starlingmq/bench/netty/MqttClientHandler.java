package io.starlingmq.bench.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.starlingmq.bench.client.ConnectionEnd;
import java.util.BitSet;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The protocol of one connection: CONNECT on connect, then every packet the broker sends, answered at once
 * on the event loop (PUBACK, PUBREC/PUBCOMP, PINGREQ on schedule), and what the broker ended it with.
 * Publishes may come from any thread; they are encoded there and flushed in batches by the event loop.
 */
final class MqttClientHandler extends ChannelInboundHandlerAdapter {

    /** QoS 0 publishes written into the channel but not yet into the socket, at most: the client's own bound. */
    static final int UNWRITTEN_QOS0_LIMIT = 65_535;
    /** How long our DISCONNECT waits for the broker to close the connection before closing it ourselves. */
    private static final long DISCONNECT_CLOSE_WAIT_SECONDS = 2;
    /** MQTT 3.1.1 has no Receive Maximum; packet identifiers bound the window (65,535). */
    private static final int MQTT3_WINDOW = 65_535;

    private final NettyClientSpec spec;
    private final boolean persistent;
    private final CompletableFuture<ServerGrant> connected = new CompletableFuture<>();
    private final AtomicInteger unwrittenQos0 = new AtomicInteger();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    /** Incoming QoS 2 packet ids answered with PUBREC, awaiting PUBREL; touched on the event loop only. */
    private final BitSet awaitingPubrel = new BitSet();
    private final ReadPacer pacer;
    private volatile Channel channel;
    private volatile InflightTable inflight;
    private volatile boolean closingByUs;
    private volatile int disconnectReason = ConnectionEnd.NO_DISCONNECT;
    private volatile ConnectionEnd end;
    private ScheduledFuture<?> pings;
    private final Runnable flush = () -> {
        flushScheduled.set(false);
        Channel ch = channel;
        if (ch != null) {
            ch.flush();
        }
    };

    MqttClientHandler(NettyClientSpec spec, boolean persistent) {
        this.spec = spec;
        this.persistent = persistent;
        this.pacer = spec.pacedReads() ? new ReadPacer(spec.messagesPerSecond()) : null;
    }

    CompletableFuture<ServerGrant> connected() {
        return connected;
    }

    ConnectionEnd end() {
        return end;
    }

    boolean isOpen() {
        Channel ch = channel;
        return ch != null && ch.isActive() && inflight != null && !closingByUs;
    }

    int receiveMaximum() {
        InflightTable table = inflight;
        return table == null ? 0 : table.limit();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        ctx.writeAndFlush(ControlPackets.connect(spec, persistent));
        if (pacer != null) {
            ctx.read();
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (!(msg instanceof MqttMessage m)) {
                return;
            }
            if (m.decoderResult().isFailure()) {
                // A packet we cannot read ends the connection; the broker did not ask for it, so it counts as closed.
                ctx.close();
                return;
            }
            switch (m.fixedHeader().messageType()) {
                case CONNACK -> onConnack(ctx, (MqttConnAckMessage) m);
                case SUBACK -> onSuback((MqttSubAckMessage) m);
                case PUBLISH -> onPublish(ctx, (MqttPublishMessage) m);
                case PUBACK -> complete(packetId(m), replyCode(m), "PUBACK");
                case PUBREC -> onPubrec(ctx, packetId(m), replyCode(m));
                case PUBREL -> {
                    int id = packetId(m);
                    awaitingPubrel.clear(id);
                    ctx.write(PacketCodec.reply(ctx.alloc(), PacketCodec.PUBCOMP, id));
                }
                case PUBCOMP -> complete(packetId(m), replyCode(m), "PUBCOMP");
                case DISCONNECT -> disconnectReason = ControlPackets.disconnectReason(m);
                default -> {
                    // PINGRESP, and nothing else a broker sends to this client, needs an answer.
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
        if (pacer != null) {
            long delay = pacer.pauseNanos();
            if (delay <= 0) {
                ctx.read();
            } else {
                ctx.executor().schedule(() -> {
                    ctx.read();
                }, delay, TimeUnit.NANOSECONDS);
            }
        }
        ctx.fireChannelReadComplete();
    }

    private void onConnack(ChannelHandlerContext ctx, MqttConnAckMessage connack) {
        ServerGrant grant = ServerGrant.of(connack);
        if (!grant.accepted()) {
            connected.completeExceptionally(new IllegalStateException(
                    String.format(Locale.ROOT, "CONNACK refused %s with 0x%02X", spec.clientId(), grant.reasonCode())));
            closingByUs = true;
            ctx.close();
            return;
        }
        int window = spec.mqtt5() ? Math.min(grant.receiveMaximum(), 0xFFFF) : MQTT3_WINDOW;
        inflight = new InflightTable(Math.max(1, window));
        int keepAlive = grant.serverKeepAlive() >= 0 ? grant.serverKeepAlive() : ControlPackets.KEEP_ALIVE_SECONDS;
        if (keepAlive > 0) {
            // A PINGREQ every half keep-alive whatever else is sent: simpler than watching writes, and harmless.
            long period = Math.max(1, keepAlive / 2);
            pings = ctx.executor().scheduleAtFixedRate(() -> ctx.writeAndFlush(MqttMessage.PINGREQ), period, period,
                    TimeUnit.SECONDS);
        }
        connected.complete(grant);
    }

    private void onSuback(MqttSubAckMessage suback) {
        int id = suback.variableHeader().messageId();
        CompletableFuture<Void> waiter = inflight.release(id);
        if (waiter == null) {
            return;
        }
        int code = suback.payload().reasonCodes().isEmpty() ? 0x80 : suback.payload().reasonCodes().get(0);
        if (code >= 0x80) {
            waiter.completeExceptionally(new IllegalStateException(String.format(Locale.ROOT, "SUBACK 0x%02X", code)));
        } else {
            waiter.complete(null);
        }
    }

    private void onPublish(ChannelHandlerContext ctx, MqttPublishMessage publish) {
        if (pacer != null) {
            pacer.read(1);
        }
        if (spec.onMessage() != null) {
            ByteBuf payload = publish.payload();
            spec.onMessage().accept(payload.nioBuffer(payload.readerIndex(), payload.readableBytes()));
        }
        int id = publish.variableHeader().packetId();
        switch (publish.fixedHeader().qosLevel()) {
            case AT_LEAST_ONCE -> ctx.write(PacketCodec.reply(ctx.alloc(), PacketCodec.PUBACK, id));
            case EXACTLY_ONCE -> {
                awaitingPubrel.set(id);
                ctx.write(PacketCodec.reply(ctx.alloc(), PacketCodec.PUBREC, id));
            }
            default -> {
                // QoS 0: nothing to answer.
            }
        }
    }

    private void onPubrec(ChannelHandlerContext ctx, int id, int code) {
        if (code >= 0x80) {
            complete(id, code, "PUBREC");
        } else if (inflight.inUse(id)) {
            ctx.write(PacketCodec.reply(ctx.alloc(), PacketCodec.PUBREL, id));
        }
    }

    private void complete(int id, int code, String packet) {
        CompletableFuture<Void> waiter = inflight.release(id);
        if (waiter == null) {
            return;
        }
        if (code >= 0x80) {
            waiter.completeExceptionally(new IllegalStateException(String.format(Locale.ROOT, "%s 0x%02X", packet, code)));
        } else {
            waiter.complete(null);
        }
    }

    private static int packetId(MqttMessage m) {
        return ((MqttMessageIdVariableHeader) m.variableHeader()).messageId();
    }

    /** A publish reply's reason code; 0x00 when it carries none (3.1.1, or 5.0's short form). */
    private static int replyCode(MqttMessage m) {
        return m.variableHeader() instanceof MqttPubReplyMessageVariableHeader reply ? reply.reasonCode() & 0xFF : 0;
    }

    /** From any thread: the packet id waits in the table until SUBACK. */
    CompletableFuture<Void> subscribe(String filter, int qos) {
        Channel ch = channel;
        if (!isOpen()) {
            return CompletableFuture.failedFuture(new IllegalStateException(spec.clientId() + " is not connected"));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        int id = inflight.acquire(done);
        if (id == 0) {
            return CompletableFuture.failedFuture(new IllegalStateException("no packet id free for SUBSCRIBE"));
        }
        ch.writeAndFlush(ControlPackets.subscribe(id, filter, qos)).addListener(failReleases(id));
        return done;
    }

    /**
     * From any thread. QoS 0 completes when written to the socket (at most {@link #UNWRITTEN_QOS0_LIMIT}
     * unwritten); QoS 1/2 when acknowledged, at most the broker's Receive Maximum unacknowledged: one more
     * fails at once rather than break the broker's limit.
     */
    CompletableFuture<Void> publish(String topic, int qos, byte[] payload) {
        Channel ch = channel;
        if (!isOpen()) {
            return CompletableFuture.failedFuture(new IllegalStateException(spec.clientId() + " is not connected"));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (qos == 0) {
            if (unwrittenQos0.incrementAndGet() > UNWRITTEN_QOS0_LIMIT) {
                unwrittenQos0.decrementAndGet();
                return CompletableFuture.failedFuture(new IllegalStateException(
                        UNWRITTEN_QOS0_LIMIT + " QoS 0 publishes are unwritten already"));
            }
            ChannelPromise written = ch.newPromise();
            written.addListener(f -> {
                unwrittenQos0.decrementAndGet();
                if (f.isSuccess()) {
                    done.complete(null);
                } else {
                    done.completeExceptionally(f.cause());
                }
            });
            writeSoon(ch, PacketCodec.publish(ch.alloc(), spec.mqtt5(), topic, 0, 0, payload), written);
            return done;
        }
        int id = inflight.acquire(done);
        if (id == 0) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "the broker's Receive Maximum of " + inflight.limit() + " is in flight already"));
        }
        ChannelPromise written = ch.newPromise();
        written.addListener(failReleases(id));
        writeSoon(ch, PacketCodec.publish(ch.alloc(), spec.mqtt5(), topic, qos, id, payload), written);
        return done;
    }

    private ChannelFutureListener failReleases(int id) {
        return f -> {
            if (!f.isSuccess()) {
                CompletableFuture<Void> waiter = inflight.release(id);
                if (waiter != null) {
                    waiter.completeExceptionally(f.cause());
                }
            }
        };
    }

    /**
     * Writes now and flushes once for every batch: a flush task is queued behind the writes unless one is
     * queued already, so a burst of publishes costs one system call, not one each.
     */
    private void writeSoon(Channel ch, ByteBuf packet, ChannelPromise promise) {
        ch.write(packet, promise);
        if (flushScheduled.compareAndSet(false, true)) {
            ch.eventLoop().execute(flush);
        }
    }

    /** Our own DISCONNECT: the end that follows is not the broker's doing. */
    CompletableFuture<Void> disconnect() {
        Channel ch = channel;
        if (ch == null) {
            return CompletableFuture.completedFuture(null);
        }
        closingByUs = true;
        CompletableFuture<Void> closed = new CompletableFuture<>();
        ch.closeFuture().addListener(f -> closed.complete(null));
        if (ch.isActive()) {
            // The broker closes the connection on DISCONNECT (MQTT 3.1.1 §3.14.4, 5.0 §3.14.4); waiting for it leaves
            // TIME_WAIT on the broker's side. Closing first left thousands of the bench's ports in TIME_WAIT after a
            // conn round, and the next round's binds searched through them at a core's worth of kernel time.
            ch.writeAndFlush(ControlPackets.disconnect(spec.mqtt5()));
            ch.eventLoop().schedule(() -> {
                ch.close();
            }, DISCONNECT_CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } else {
            ch.close();
        }
        return closed;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (pings != null) {
            pings.cancel(false);
        }
        if (!closingByUs && connected.isDone() && !connected.isCompletedExceptionally()) {
            end = disconnectReason == ConnectionEnd.NO_DISCONNECT ? ConnectionEnd.CLOSED
                    : ConnectionEnd.disconnect(disconnectReason);
        }
        IllegalStateException gone = new IllegalStateException("connection of " + spec.clientId() + " closed"
                + (end != null ? " by the broker: " + end.describe() : ""));
        connected.completeExceptionally(gone);
        InflightTable table = inflight;
        if (table != null) {
            table.failAll(gone);
        }
        ctx.fireChannelInactive();
    }
}
