package io.starlingmq.store;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Reads what {@link BinaryOut} wrote; malformed input fails with {@link IllegalArgumentException}. */
final class BinaryIn {

    private final ByteBuffer in;

    BinaryIn(byte[] bytes) {
        this.in = ByteBuffer.wrap(bytes);
    }

    int readByte() {
        return read(() -> in.get() & 0xFF);
    }

    boolean readBoolean() {
        return readByte() != 0;
    }

    int readInt() {
        return read(in::getInt);
    }

    long readLong() {
        return read(in::getLong);
    }

    byte[] readBytes() {
        int length = readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("bad length " + length + " with " + in.remaining() + " bytes left");
        }
        byte[] value = new byte[length];
        in.get(value);
        return value;
    }

    String readString() {
        byte[] bytes = readBytes();
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    void expectVersion(int expected, String what) {
        int version = readByte();
        if (version != expected) {
            throw new IllegalArgumentException("unknown " + what + " encoding version " + version);
        }
    }

    void expectEnd() {
        if (in.hasRemaining()) {
            throw new IllegalArgumentException(in.remaining() + " trailing bytes");
        }
    }

    private <T> T read(java.util.function.Supplier<T> reader) {
        try {
            return reader.get();
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated encoding", e);
        }
    }
}
