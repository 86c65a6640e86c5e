package io.starlingmq.router.index;

import io.starlingmq.store.ClientInfo;
import io.starlingmq.store.Holder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Predicate;

/**
 * Where each known session is: its holder (null while offline), whether it outlives its connection, and what
 * listings show of it. Lookups by client id stay a hash lookup (the delivery path makes them); the client ids
 * are also kept in order, so a page of a listing walks only from where it starts.
 */
public final class SessionDirectory {

    /**
     * @param holder the connection holding the session, or null while it is offline
     * @param info   what listings show; its disconnect time is this router's when it learnt of the disconnect
     */
    public record Entry(Holder holder, boolean persistent, ClientInfo info) {

        public boolean online() {
            return holder != null;
        }
    }

    /** One listed session. */
    public record Listed(String clientId, Entry entry) {
    }

    /**
     * A page of a listing.
     *
     * @param hasNext whether more sessions pass the filter after the last one answered
     */
    public record Page(List<Listed> sessions, boolean hasNext) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final NavigableSet<String> ordered = new ConcurrentSkipListSet<>();

    public void put(String clientId, Holder holder, boolean persistent, ClientInfo info) {
        entries.put(clientId, new Entry(holder, persistent, info));
        ordered.add(clientId);
    }

    /** The session stays but has no connection since {@code atMillis}. */
    public void offline(String clientId, long atMillis) {
        entries.computeIfPresent(clientId,
                (id, entry) -> new Entry(null, entry.persistent(), entry.info().disconnected(atMillis)));
    }

    public void remove(String clientId) {
        // the order set first: a listing may miss a session that is going, never meet an id without an entry twice
        ordered.remove(clientId);
        entries.remove(clientId);
    }

    /** The session's entry, or null when this router knows no such session. */
    public Entry get(String clientId) {
        return entries.get(clientId);
    }

    /** Sessions known, online or not. */
    public int size() {
        return entries.size();
    }

    public long onlineCount() {
        return entries.values().stream().filter(Entry::online).count();
    }

    /**
     * Up to {@code limit} sessions in client id order that pass {@code filter}: those after {@code after} (null:
     * from the first), leaving out the first {@code skip} that pass. Walks only as far as the page needs, so
     * a page found by {@code after} costs what the first page does; {@code skip} costs one step per skipped
     * session.
     */
    public Page page(String after, long skip, int limit, Predicate<Listed> filter) {
        NavigableSet<String> from = after == null ? ordered : ordered.tailSet(after, false);
        List<Listed> page = new ArrayList<>(Math.min(limit, 1024));
        long toSkip = skip;
        for (String clientId : from) {
            Entry entry = entries.get(clientId);
            if (entry == null) {
                continue;
            }
            Listed listed = new Listed(clientId, entry);
            if (!filter.test(listed)) {
                continue;
            }
            if (toSkip > 0) {
                toSkip--;
                continue;
            }
            if (page.size() == limit) {
                return new Page(page, true);
            }
            page.add(listed);
        }
        return new Page(page, false);
    }

    /** Every session that passes {@code filter}, online or not, in client id order, as they are now. */
    public List<Listed> matching(Predicate<Listed> filter) {
        List<Listed> found = new ArrayList<>();
        for (String clientId : ordered) {
            Entry entry = entries.get(clientId);
            if (entry != null) {
                Listed listed = new Listed(clientId, entry);
                if (filter.test(listed)) {
                    found.add(listed);
                }
            }
        }
        return found;
    }
}
