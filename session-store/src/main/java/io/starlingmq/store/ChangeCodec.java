package io.starlingmq.store;

/**
 * The binary form of a {@link Change}: entries of the Redis change stream, and the values of the global
 * session map (a {@link Change.SessionOnline} with a null holder while offline) and of the banned list (a
 * {@link Change.BanAdded}). Version 1 entries, written before sessions carried their {@link ClientInfo}, still read
 * (as {@link ClientInfo#UNKNOWN}); a reader of version 1 alone cannot read what this writes, so routers are
 * upgraded before they share a store with newer ones.
 */
public final class ChangeCodec {

    private static final int VERSION = 2;
    private static final int VERSION_WITHOUT_CLIENT_INFO = 1;
    private static final int SUBSCRIPTION_ADDED = 1;
    private static final int SUBSCRIPTION_REMOVED = 2;
    private static final int SESSION_ONLINE = 3;
    private static final int SESSION_OFFLINE = 4;
    private static final int RETAINED_SET = 5;
    private static final int RETAINED_CLEARED = 6;
    private static final int BAN_ADDED = 7;
    private static final int BAN_REMOVED = 8;

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
                writeInfo(out, online.info());
            }
            case Change.SessionOffline offline ->
                    out.writeByte(SESSION_OFFLINE).writeString(offline.clientId()).writeBoolean(offline.ended());
            case Change.RetainedSet set -> out.writeByte(RETAINED_SET).writeBytes(MessageCodec.encode(set.message()));
            case Change.RetainedCleared cleared -> out.writeByte(RETAINED_CLEARED).writeString(cleared.topic());
            case Change.BanAdded added -> writeBan(out.writeByte(BAN_ADDED), added.ban());
            case Change.BanRemoved removed ->
                    out.writeByte(BAN_REMOVED).writeByte(removed.kind().ordinal()).writeString(removed.who());
        }
        return out.toByteArray();
    }

    public static Change decode(byte[] bytes) {
        BinaryIn in = new BinaryIn(bytes);
        int version = in.readByte();
        if (version != VERSION && version != VERSION_WITHOUT_CLIENT_INFO) {
            throw new IllegalArgumentException("change of unknown encoding version " + version);
        }
        int type = in.readByte();
        Change change = switch (type) {
            case SUBSCRIPTION_ADDED -> new Change.SubscriptionAdded(in.readString(), SubscriptionCodec.read(in));
            case SUBSCRIPTION_REMOVED -> new Change.SubscriptionRemoved(in.readString(), in.readString());
            case SESSION_ONLINE -> {
                String clientId = in.readString();
                boolean persistent = in.readBoolean();
                Holder holder = in.readBoolean() ? new Holder(in.readString(), in.readLong()) : null;
                ClientInfo info = version == VERSION ? readInfo(in) : ClientInfo.UNKNOWN;
                yield new Change.SessionOnline(clientId, holder, persistent, info);
            }
            case SESSION_OFFLINE -> new Change.SessionOffline(in.readString(), in.readBoolean());
            case RETAINED_SET -> new Change.RetainedSet(MessageCodec.decode(in.readBytes()));
            case RETAINED_CLEARED -> new Change.RetainedCleared(in.readString());
            case BAN_ADDED -> new Change.BanAdded(readBan(in));
            case BAN_REMOVED -> new Change.BanRemoved(banKind(in.readByte()), in.readString());
            default -> throw new IllegalArgumentException("unknown change type " + type);
        };
        in.expectEnd();
        return change;
    }

    private static void writeInfo(BinaryOut out, ClientInfo info) {
        ClientConnect connect = info.connect();
        out.writeString(connect.username()).writeString(connect.peerAddress()).writeByte(connect.protocolVersion())
                .writeInt(connect.keepAlive()).writeBoolean(info.cleanStart()).writeLong(info.expirySeconds())
                .writeLong(info.createdAt()).writeLong(info.connectedAt()).writeLong(info.disconnectedAt());
    }

    private static ClientInfo readInfo(BinaryIn in) {
        ClientConnect connect = new ClientConnect(in.readString(), in.readString(), in.readByte(), in.readInt());
        return new ClientInfo(connect, in.readBoolean(), in.readLong(), in.readLong(), in.readLong(), in.readLong());
    }

    private static BinaryOut writeBan(BinaryOut out, Ban ban) {
        return out.writeByte(ban.kind().ordinal()).writeString(ban.who()).writeString(ban.by())
                .writeString(ban.reason()).writeLong(ban.atMillis()).writeLong(ban.untilMillis());
    }

    private static Ban readBan(BinaryIn in) {
        return new Ban(banKind(in.readByte()), in.readString(), in.readString(), in.readString(), in.readLong(),
                in.readLong());
    }

    private static BanKind banKind(int ordinal) {
        BanKind[] kinds = BanKind.values();
        if (ordinal < 0 || ordinal >= kinds.length) {
            throw new IllegalArgumentException("unknown ban kind " + ordinal);
        }
        return kinds[ordinal];
    }
}
