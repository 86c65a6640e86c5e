package io.starlingmq.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.starlingmq.gateway.server.WebSocketFrameAdapter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Binary frames become the MQTT byte stream and back; other data frames end the connection. */
class WebSocketFrameAdapterTest {

    @Test
    void binaryFrameAndItsContinuationBecomeBytesInOrder() {
        EmbeddedChannel channel = new EmbeddedChannel(new WebSocketFrameAdapter());
        channel.writeInbound(new BinaryWebSocketFrame(false, 0, bytes("\u0010\u0002")));
        channel.writeInbound(new ContinuationWebSocketFrame(true, 0, bytes("ab")));
        assertThat(text(channel.readInbound())).isEqualTo("\u0010\u0002");
        assertThat(text(channel.readInbound())).isEqualTo("ab");
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void encodedBytesLeaveAsABinaryFrame() {
        EmbeddedChannel channel = new EmbeddedChannel(new WebSocketFrameAdapter());
        channel.writeOutbound(bytes("\u00d0\u0000"));
        BinaryWebSocketFrame frame = channel.readOutbound();
        assertThat(frame.isFinalFragment()).isTrue();
        assertThat(frame.content().toString(StandardCharsets.ISO_8859_1)).isEqualTo("\u00d0\u0000");
        frame.release();
    }

    @Test
    void aTextFrameClosesTheConnection() {
        EmbeddedChannel channel = new EmbeddedChannel(new WebSocketFrameAdapter());
        TextWebSocketFrame textFrame = new TextWebSocketFrame("CONNECT");
        channel.writeInbound(textFrame);
        assertThat(channel.<Object>readInbound()).isNull();
        assertThat(channel.isOpen()).isFalse();
        assertThat(textFrame.refCnt()).isZero();
    }

    @Test
    void aContinuationOfATextMessageClosesTheConnection() {
        EmbeddedChannel channel = new EmbeddedChannel(new WebSocketFrameAdapter());
        channel.writeInbound(new ContinuationWebSocketFrame(true, 0, bytes("x")));
        assertThat(channel.<Object>readInbound()).isNull();
        assertThat(channel.isOpen()).isFalse();
    }

    private static ByteBuf bytes(String latin1) {
        return Unpooled.copiedBuffer(latin1, StandardCharsets.ISO_8859_1);
    }

    private static String text(ByteBuf buf) {
        try {
            return buf.toString(StandardCharsets.ISO_8859_1);
        } finally {
            buf.release();
        }
    }
}
