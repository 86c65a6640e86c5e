package io.starlingmq.gateway.codec;

import static io.starlingmq.testing.mqtt.MqttPackets.V5;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.starlingmq.testing.mqtt.MqttPackets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The frame stage cuts no packet its admission refuses, asks for no read meanwhile, and goes on when resumed. */
class FrameAdmissionTest {

    private final StrictFrameDecoder decoder = new StrictFrameDecoder(1024);
    private final ReadRequests reads = new ReadRequests();
    private final EmbeddedChannel channel = new EmbeddedChannel(reads, decoder);
    private boolean open = true;

    @BeforeEach
    void connect() {
        assertThat(feed(MqttPackets.connect(V5, "c", 0, true))).hasSize(1);
        channel.config().setAutoRead(false);
    }

    @Test
    void aRefusedPacketAndEverythingAfterItStayInTheBufferUntilResumed() throws Exception {
        byte[] first = MqttPackets.publish(V5, "a", 0, 0, new byte[] {1});
        byte[] second = MqttPackets.publish(V5, "a", 0, 0, new byte[] {2});
        byte[] third = MqttPackets.pingreq();
        decoder.admitWith((type, qos) -> open);

        List<byte[]> passed = new ArrayList<>();
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                passed.add(ByteBufUtil.getBytes((ByteBuf) msg));
                ((ByteBuf) msg).release();
                open = false; // the first packet's handling closes the admission, as a congested link does
            }
        });
        int readsBefore = reads.count;
        channel.writeInbound(Unpooled.wrappedBuffer(concat(first, second, third)));

        assertThat(passed).containsExactly(first);
        assertThat(reads.count).as("reads asked for while a whole packet is held").isEqualTo(readsBefore);

        open = true;
        decoder.resume(channel.pipeline().context(decoder));
        assertThat(passed).containsExactly(first, second);
        open = true;
        decoder.resume(channel.pipeline().context(decoder));
        assertThat(passed).containsExactly(first, second, third);
    }

    @Test
    void onlyQosOneAndTwoPublishesAreHeldWhenTheAdmissionSaysSo() {
        byte[] qos1 = MqttPackets.publish(V5, "a", 1, 1, new byte[] {1});
        byte[] qos0 = MqttPackets.publish(V5, "a", 0, 0, new byte[] {2});
        List<int[]> asked = new ArrayList<>();
        decoder.admitWith((type, qos) -> {
            asked.add(new int[] {type, qos});
            return qos == 0;
        });

        assertThat(feed(concat(qos0, qos1, qos0))).containsExactly(qos0);
        assertThat(asked).extracting(pair -> pair[0] + "/" + pair[1]).containsExactly("3/0", "3/1");
    }

    @Test
    void resumingWithNothingHeldPassesNothing() throws Exception {
        assertThat(feed(MqttPackets.pingreq())).hasSize(1);

        decoder.resume(channel.pipeline().context(decoder));

        assertThat((Object) channel.readInbound()).isNull();
    }

    private List<byte[]> feed(byte[] bytes) {
        channel.writeInbound(Unpooled.wrappedBuffer(bytes));
        List<byte[]> outputs = new ArrayList<>();
        for (Object output = channel.readInbound(); output != null; output = channel.readInbound()) {
            outputs.add(ByteBufUtil.getBytes((ByteBuf) output));
            ((ByteBuf) output).release();
        }
        return outputs;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** Counts the reads the stage asks the transport for. */
    private static final class ReadRequests extends ChannelOutboundHandlerAdapter {
        int count;

        @Override
        public void read(ChannelHandlerContext ctx) {
            count++;
            ctx.read();
        }
    }
}
