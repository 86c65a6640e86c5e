package io.starlingmq.store;

import java.util.ArrayList;
import java.util.List;

/** The binary form of a {@link StoredMessage} in queues, inflight windows and the retained map. */
public final class MessageCodec {

    private static final int VERSION = 1;

    private MessageCodec() {
    }

    public static byte[] encode(StoredMessage message) {
        BinaryOut out = new BinaryOut()
                .writeByte(VERSION)
                .writeString(message.topic())
                .writeBytes(message.payload())
                .writeByte(message.qos())
                .writeBoolean(message.retain())
                .writeString(message.publisher())
                .writeLong(message.receivedAtMillis())
                .writeInt(message.payloadFormat())
                .writeLong(message.expiryIntervalSeconds())
                .writeString(message.contentType())
                .writeString(message.responseTopic())
                .writeBytes(message.correlationData())
                .writeInt(message.userProperties().size());
        for (StoredMessage.UserProperty property : message.userProperties()) {
            out.writeString(property.key()).writeString(property.value());
        }
        return out.toByteArray();
    }

    public static StoredMessage decode(byte[] bytes) {
        BinaryIn in = new BinaryIn(bytes);
        in.expectVersion(VERSION, "message");
        String topic = in.readString();
        byte[] payload = in.readBytes();
        int qos = in.readByte();
        boolean retain = in.readBoolean();
        String publisher = in.readString();
        long receivedAt = in.readLong();
        int payloadFormat = in.readInt();
        long expiryInterval = in.readLong();
        String contentType = in.readString();
        String responseTopic = in.readString();
        byte[] correlationData = in.readBytes();
        int propertyCount = in.readInt();
        if (propertyCount < 0) {
            throw new IllegalArgumentException("negative user property count");
        }
        List<StoredMessage.UserProperty> properties = new ArrayList<>(Math.min(propertyCount, 64));
        for (int i = 0; i < propertyCount; i++) {
            properties.add(new StoredMessage.UserProperty(in.readString(), in.readString()));
        }
        in.expectEnd();
        return new StoredMessage(topic, payload, qos, retain, publisher, receivedAt, payloadFormat, expiryInterval,
                contentType, responseTopic, correlationData, properties);
    }
}
