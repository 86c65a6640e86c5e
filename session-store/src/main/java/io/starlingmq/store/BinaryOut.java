package io.starlingmq.store;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Writes the primitive fields of the store's binary encodings; null strings and bytes get length -1. */
final class BinaryOut {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    private final DataOutputStream out = new DataOutputStream(bytes);

    BinaryOut writeByte(int value) {
        return write(() -> out.writeByte(value));
    }

    BinaryOut writeBoolean(boolean value) {
        return write(() -> out.writeBoolean(value));
    }

    BinaryOut writeInt(int value) {
        return write(() -> out.writeInt(value));
    }

    BinaryOut writeLong(long value) {
        return write(() -> out.writeLong(value));
    }

    BinaryOut writeBytes(byte[] value) {
        return write(() -> {
            if (value == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(value.length);
                out.write(value);
            }
        });
    }

    BinaryOut writeString(String value) {
        return writeBytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    byte[] toByteArray() {
        return bytes.toByteArray();
    }

    private BinaryOut write(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            // a ByteArrayOutputStream never fails; this only satisfies the checked signature
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private interface IoAction {
        void run() throws IOException;
    }
}
