package io.starlingmq.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of a {@link StoredMessage} in queues, inflight windows and the retained map.
 *
 * <p>Version 2 puts two facts the store's Redis functions read without decoding the rest right after the
 * version byte: the expiry deadline (8 bytes, big-endian epoch millis, 0 = never), to drop expired queued
 * messages, and a byte that is 1 when the message was queued through a shared subscription, to hand such
 * messages on when their session ends. Version 1 (none of these, no subscription facts) is still read.
 */
public final class MessageCodec {

    public static final int VERSION = 2;
    private static final int VERSION_WITHOUT_DEADLINE = 1;

    private MessageCodec() {
    }

    public static byte[] encode(StoredMessage message) {
        BinaryOut out = new BinaryOut()
                .writeByte(VERSION)
                .writeLong(message.expiresAtMillis())
                .writeBoolean(message.sharedSubscription() != null)
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
        out.writeInt(message.subscriptionIds().size());
        message.subscriptionIds().forEach(out::writeInt);
        out.writeString(message.sharedSubscription());
        return out.toByteArray();
    }

    public static StoredMessage decode(byte[] bytes) {
        BinaryIn in = new BinaryIn(bytes);
        int version = in.readByte();
        if (version != VERSION && version != VERSION_WITHOUT_DEADLINE) {
            throw new IllegalArgumentException("unknown message encoding version " + version);
        }
        if (version == VERSION) {
            in.readLong(); // the deadline, derived from receivedAt and the expiry interval below
            in.readBoolean(); // the shared flag, derived from the shared subscription below
        }
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
        List<StoredMessage.UserProperty> properties = new ArrayList<>();
        int propertyCount = count(in, "user property");
        for (int i = 0; i < propertyCount; i++) {
            properties.add(new StoredMessage.UserProperty(in.readString(), in.readString()));
        }
        List<Integer> subscriptionIds = new ArrayList<>();
        String shared = null;
        if (version == VERSION) {
            int idCount = count(in, "subscription identifier");
            for (int i = 0; i < idCount; i++) {
                subscriptionIds.add(in.readInt());
            }
            shared = in.readString();
        }
        in.expectEnd();
        return new StoredMessage(topic, payload, qos, retain, publisher, receivedAt, payloadFormat, expiryInterval,
                contentType, responseTopic, correlationData, properties, subscriptionIds, shared);
    }

    private static int count(BinaryIn in, String what) {
        int count = in.readInt();
        if (count < 0) {
            throw new IllegalArgumentException("negative " + what + " count");
        }
        return count;
    }
}
