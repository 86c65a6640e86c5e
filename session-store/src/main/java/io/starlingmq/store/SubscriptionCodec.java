package io.starlingmq.store;

/** The binary form of a {@link Subscription} in a session's subscription map and the global routes. */
public final class SubscriptionCodec {

    private static final int VERSION = 1;

    private SubscriptionCodec() {
    }

    public static byte[] encode(Subscription subscription) {
        return write(new BinaryOut(), subscription).toByteArray();
    }

    public static Subscription decode(byte[] bytes) {
        BinaryIn in = new BinaryIn(bytes);
        Subscription subscription = read(in);
        in.expectEnd();
        return subscription;
    }

    static BinaryOut write(BinaryOut out, Subscription subscription) {
        return out.writeByte(VERSION)
                .writeString(subscription.filter())
                .writeByte(subscription.qos())
                .writeBoolean(subscription.noLocal())
                .writeBoolean(subscription.retainAsPublished())
                .writeByte(subscription.retainHandling())
                .writeInt(subscription.subscriptionId());
    }

    static Subscription read(BinaryIn in) {
        in.expectVersion(VERSION, "subscription");
        return new Subscription(in.readString(), in.readByte(), in.readBoolean(), in.readBoolean(), in.readByte(),
                in.readInt());
    }
}
