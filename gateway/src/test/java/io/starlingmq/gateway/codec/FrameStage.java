package io.starlingmq.gateway.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.starlingmq.testing.mqtt.MqttPackets;
import java.util.ArrayList;
import java.util.List;

/** A {@link StrictFrameDecoder} on an embedded channel, and what came out of it. */
final class FrameStage {

    static final int MAX_PACKET_SIZE = 1024;

    private final EmbeddedChannel channel = new EmbeddedChannel(new StrictFrameDecoder(MAX_PACKET_SIZE));

    /** A stage that already passed a CONNECT of the given version. */
    static FrameStage connected(int version) {
        FrameStage stage = new FrameStage();
        stage.assertPasses(MqttPackets.connect(version, "c", 0, true));
        return stage;
    }

    /** Feeds bytes and returns everything the stage passed on: whole packets as byte arrays, failures as messages. */
    List<Object> feed(byte[] bytes) {
        channel.writeInbound(Unpooled.wrappedBuffer(bytes));
        List<Object> outputs = new ArrayList<>();
        Object output;
        while ((output = channel.readInbound()) != null) {
            if (output instanceof ByteBuf buf) {
                outputs.add(ByteBufUtil.getBytes(buf));
                buf.release();
            } else {
                outputs.add(output);
            }
        }
        return outputs;
    }

    void assertPasses(byte[] packet) {
        List<Object> outputs = feed(packet);
        assertThat(outputs).hasSize(1);
        assertThat(outputs.get(0)).isInstanceOf(byte[].class).isEqualTo(packet);
    }

    FrameRejectedException assertRejected(byte[] packet, int reasonCode) {
        List<Object> outputs = feed(packet);
        assertThat(outputs).hasSize(1);
        FrameRejectedException rejected = failureOf(outputs.get(0), FrameRejectedException.class);
        assertThat(rejected.reasonCode().code()).as(rejected.getMessage()).isEqualTo(reasonCode);
        return rejected;
    }

    static <T extends Throwable> T failureOf(Object output, Class<T> type) {
        assertThat(output).isInstanceOf(MqttMessage.class);
        MqttMessage message = (MqttMessage) output;
        assertThat(message.decoderResult().isFailure()).isTrue();
        assertThat(message.decoderResult().cause()).isInstanceOf(type);
        return type.cast(message.decoderResult().cause());
    }

    boolean isOpen() {
        return channel.isOpen();
    }
}
