package io.starlingmq.gateway.codec;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8CheckTest {

    private final Utf8Check check = new Utf8Check();

    @Test
    void asciiAndMultiByteCharactersPass() {
        assertThatCode(() -> check(bytes("plain/topic"))).doesNotThrowAnyException();
        assertThatCode(() -> check(bytes("a/ü/€/𝄞"))).doesNotThrowAnyException();
    }

    @Test
    void illFormedSequencesAreMalformed() {
        assertMalformed(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}); // U+D800
        assertMalformed(new byte[] {(byte) 0xED, (byte) 0xBF, (byte) 0xBF}); // U+DFFF
        assertMalformed(new byte[] {(byte) 0xC0, (byte) 0x80}); // overlong U+0000
        assertMalformed(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}); // past U+10FFFF
        assertMalformed(new byte[] {'a', (byte) 0xC3}); // cut short
        assertMalformed(new byte[] {(byte) 0xFF});
    }

    @Test
    void nullCharacterIsMalformedWhereverItIs() {
        assertMalformed(new byte[] {0x00});
        assertMalformed(new byte[] {'a', 0x00, 'b'});
        assertMalformed(new byte[] {(byte) 0xC3, (byte) 0xBC, 0x00});
    }

    @Test
    void onlyTheGivenRangeIsChecked() {
        ByteBuf buf = Unpooled.wrappedBuffer(new byte[] {(byte) 0xFF, 'o', 'k', 0x00});
        assertThatCode(() -> check.check(buf, 1, 2, "s")).doesNotThrowAnyException();
    }

    private void assertMalformed(byte[] content) {
        assertThatThrownBy(() -> check(content)).isInstanceOf(FrameViolation.class)
                .extracting(e -> ((FrameViolation) e).reasonCode().code()).isEqualTo(0x81);
    }

    private void check(byte[] content) {
        check.check(Unpooled.wrappedBuffer(content), 0, content.length, "s");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
