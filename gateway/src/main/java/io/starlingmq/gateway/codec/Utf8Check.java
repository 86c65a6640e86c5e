package io.starlingmq.gateway.codec;

import io.netty.buffer.ByteBuf;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks an MQTT UTF-8 string: well-formed UTF-8 with no encoded surrogate [MQTT-1.5.4-1] and no U+0000
 * [MQTT-1.5.4-2]. The JDK's decoder with {@link CodingErrorAction#REPORT} does the UTF-8 part (it refuses
 * overlong forms, surrogates and code points past U+10FFFF); all-ASCII strings, the usual case, are
 * settled by one scan without it. A {@link CharsetDecoder} is not thread safe: each thread has its own.
 */
final class Utf8Check {

    /** One per event-loop thread rather than one per connection: idle connections should cost nothing here. */
    private static final ThreadLocal<CharsetDecoder> DECODER = ThreadLocal.withInitial(() -> StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));

    /** Throws a Malformed Packet violation unless the bytes are an acceptable MQTT UTF-8 string. */
    void check(ByteBuf buf, int index, int length, String what) {
        if (length == 0) {
            return;
        }
        // In UTF-8 a zero byte only ever encodes U+0000, and bytes below 0x80 are complete characters.
        int firstNonAscii = buf.forEachByte(index, length, b -> b > 0);
        if (firstNonAscii < 0) {
            return;
        }
        if (buf.indexOf(firstNonAscii, index + length, (byte) 0) >= 0) {
            throw FrameViolation.malformed(what + " contains U+0000");
        }
        try {
            CharsetDecoder decoder = DECODER.get();
            decoder.reset();
            decoder.decode(buf.nioBuffer(firstNonAscii, index + length - firstNonAscii));
        } catch (CharacterCodingException e) {
            throw FrameViolation.malformed(what + " is not well-formed UTF-8");
        }
    }
}
