package io.starlingmq.router.admin;

import io.grpc.Status;
import io.smallrye.mutiny.Uni;
import io.starlingmq.contract.admin.v1.AddBanReply;
import io.starlingmq.contract.admin.v1.BanEntry;
import io.starlingmq.contract.admin.v1.ListBansReply;
import io.starlingmq.contract.admin.v1.ListBansRequest;
import io.starlingmq.router.banned.BanRules;
import io.starlingmq.router.banned.BannedClients;
import io.starlingmq.store.Ban;
import io.starlingmq.store.BanKind;
import io.starlingmq.store.SessionStore;

import java.util.List;
import java.util.Optional;

/** The banned list's admin calls: checked, stored (every router follows), applied here at once. */
final class BanAdmin {

    private final SessionStore store;
    private final BannedClients banned;
    private final int maxEntries;

    BanAdmin(SessionStore store, BannedClients banned, int maxEntries) {
        this.store = store;
        this.banned = banned;
        this.maxEntries = maxEntries;
    }

    Uni<AddBanReply> add(BanEntry entry, boolean replace) {
        BanKind kind = kind(entry.getKind());
        Optional<String> problem = BanRules.problem(kind, entry.getWho());
        if (problem.isPresent()) {
            return Uni.createFrom().failure(Status.INVALID_ARGUMENT.withDescription(problem.get()).asRuntimeException());
        }
        boolean replacing = banned.list().get(kind, entry.getWho()).isPresent();
        if (replacing && !replace) {
            return Uni.createFrom().failure(Status.ALREADY_EXISTS
                    .withDescription(kind.wireName() + " " + entry.getWho() + " is banned already").asRuntimeException());
        }
        if (!replacing && banned.list().size() >= maxEntries) {
            return Uni.createFrom().failure(Status.RESOURCE_EXHAUSTED
                    .withDescription("the banned list holds its maximum of " + maxEntries + " entries")
                    .asRuntimeException());
        }
        long now = System.currentTimeMillis();
        Ban ban = new Ban(kind, entry.getWho(), entry.getBy(), entry.getReason(),
                entry.getAt() == 0 ? now : entry.getAt(), entry.getUntil() == 0 ? Ban.FOREVER : entry.getUntil());
        if (ban.lapsedAt(now)) {
            return Uni.createFrom().failure(Status.INVALID_ARGUMENT.withDescription("until is in the past")
                    .asRuntimeException());
        }
        return store.ban(ban).map(stored -> AddBanReply.newBuilder().setBan(entry(ban))
                .setDisconnected(banned.banned(ban)).build());
    }

    Uni<Boolean> delete(String kindName, String who) {
        BanKind kind = kind(kindName);
        return store.unban(kind, who).invoke(deleted -> banned.lifted(kind, who));
    }

    ListBansReply list(ListBansRequest request) {
        List<Ban> inForce = banned.list().inForce(System.currentTimeMillis());
        int limit = request.getLimit() == 0 ? 100 : Math.min(request.getLimit(), ClientListing.MAX_LIMIT);
        ListBansReply.Builder reply = ListBansReply.newBuilder().setTotal(inForce.size());
        inForce.stream().skip(request.getSkip()).limit(limit).forEach(ban -> reply.addBans(entry(ban)));
        return reply.build();
    }

    static BanEntry entry(Ban ban) {
        return BanEntry.newBuilder().setKind(ban.kind().wireName()).setWho(ban.who()).setBy(ban.by())
                .setReason(ban.reason()).setAt(ban.atMillis())
                .setUntil(ban.untilMillis() == Ban.FOREVER ? 0 : ban.untilMillis()).build();
    }

    private static BanKind kind(String name) {
        return BanKind.ofWireName(name).orElseThrow(() -> Status.INVALID_ARGUMENT
                .withDescription("kind must be one of clientid, username, peerhost, clientid_re, peerhost_net: " + name)
                .asRuntimeException());
    }
}
