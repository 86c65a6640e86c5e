package io.starlingmq.router.admin;

import io.smallrye.mutiny.Uni;
import io.starlingmq.contract.admin.v1.DelayedEntry;
import io.starlingmq.contract.admin.v1.GetDelayedReply;
import io.starlingmq.contract.admin.v1.ListDelayedReply;
import io.starlingmq.contract.admin.v1.ListDelayedRequest;
import io.starlingmq.router.events.MessageMapping;
import io.starlingmq.store.DelayedMessages;
import io.starlingmq.store.ScheduledMessage;

import java.util.List;

/** The delayed messages' admin calls, read from and removed in the store every router shares. */
final class DelayedAdmin {

    private final DelayedMessages delayed;

    DelayedAdmin(DelayedMessages delayed) {
        this.delayed = delayed;
    }

    Uni<ListDelayedReply> list(ListDelayedRequest request) {
        int limit = request.getLimit() == 0 ? 100 : Math.min(request.getLimit(), ClientListing.MAX_LIMIT);
        return delayed.pendingCount().chain(total -> delayed.page(request.getOffset(), limit).map(page -> {
            ListDelayedReply.Builder reply = ListDelayedReply.newBuilder().setTotal(total);
            page.forEach(message -> reply.addEntries(entry(message)));
            return reply.build();
        }));
    }

    Uni<GetDelayedReply> get(String id) {
        return delayed.get(id).map(found -> {
            GetDelayedReply.Builder reply = GetDelayedReply.newBuilder();
            found.ifPresent(message -> reply.setEntry(entry(message)));
            return reply.build();
        });
    }

    /** Whether there was such a message; a router that claimed it just now may still publish it. */
    Uni<Boolean> delete(String id) {
        return delayed.get(id).chain(found -> found.isEmpty() ? Uni.createFrom().item(false)
                : delayed.remove(List.of(id)).replaceWith(true));
    }

    private static DelayedEntry entry(ScheduledMessage scheduled) {
        return DelayedEntry.newBuilder().setId(scheduled.id()).setDueAt(scheduled.dueAtMillis())
                .setMessage(MessageMapping.toMessage(scheduled.message()))
                .setReceivedAt(scheduled.message().receivedAtMillis()).build();
    }
}
