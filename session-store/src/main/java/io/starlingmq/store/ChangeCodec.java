package io.starlingmq.store;

/**
 * The binary form of a {@link Change}: entries of the Redis change stream, and the values of the global
 * session map (a {@link Change.SessionOnline} with a null holder while offline).
 */
public final class ChangeCodec {

    private static final int VERSION = 1;
    private static final int SUBSCRIPTION_ADDED = 1;
    private static final int SUBSCRIPTION_REMOVED = 2;
    private static final int SESSION_ONLINE = 3;
    private static final int SESSION_OFFLINE = 4;
    private static final int RETAINED_SET = 5;
    private static final int RETAINED_CLEARED = 6;

    private ChangeCodec() {
    }

    public static byte[] encode(Change change) {
        BinaryOut out = new BinaryOut().writeByte(VERSION);
        switch (change) {
            case Change.SubscriptionAdded added -> SubscriptionCodec.write(
                    out.writeByte(SUBSCRIPTION_ADDED).writeString(added.clientId()), added.subscription());
            case Change.SubscriptionRemoved removed ->
                    out.writeByte(SUBSCRIPTION_REMOVED).writeString(removed.clientId()).writeString(removed.filter());
            case Change.SessionOnline online -> {
                out.writeByte(SESSION_ONLINE).writeString(online.clientId()).writeBoolean(online.persistent())
                        .writeBoolean(online.holder() != null);
                if (online.holder() != null) {
                    out.writeString(online.holder().gatewayId()).writeLong(online.holder().connectionId());
                }
            }
            case Change.SessionOffline offline ->
                    out.writeByte(SESSION_OFFLINE).writeString(offline.clientId()).writeBoolean(offline.ended());
            case Change.RetainedSet set -> out.writeByte(RETAINED_SET).writeBytes(MessageCodec.encode(set.message()));
            case Change.RetainedCleared cleared -> out.writeByte(RETAINED_CLEARED).writeString(cleared.topic());
        }
        return out.toByteArray();
    }

    public static Change decode(byte[] bytes) {
        BinaryIn in = new BinaryIn(bytes);
        in.expectVersion(VERSION, "change");
        int type = in.readByte();
        Change change = switch (type) {
            case SUBSCRIPTION_ADDED -> new Change.SubscriptionAdded(in.readString(), SubscriptionCodec.read(in));
            case SUBSCRIPTION_REMOVED -> new Change.SubscriptionRemoved(in.readString(), in.readString());
            case SESSION_ONLINE -> {
                String clientId = in.readString();
                boolean persistent = in.readBoolean();
                Holder holder = in.readBoolean() ? new Holder(in.readString(), in.readLong()) : null;
                yield new Change.SessionOnline(clientId, holder, persistent);
            }
            case SESSION_OFFLINE -> new Change.SessionOffline(in.readString(), in.readBoolean());
            case RETAINED_SET -> new Change.RetainedSet(MessageCodec.decode(in.readBytes()));
            case RETAINED_CLEARED -> new Change.RetainedCleared(in.readString());
            default -> throw new IllegalArgumentException("unknown change type " + type);
        };
        in.expectEnd();
        return change;
    }
}
