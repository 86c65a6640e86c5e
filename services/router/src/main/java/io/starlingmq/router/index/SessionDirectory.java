package io.starlingmq.router.index;

import io.starlingmq.store.Holder;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Where each known session is: its holder (null while offline) and whether it outlives its connection. */
public final class SessionDirectory {

    /** @param holder the connection holding the session, or null while it is offline */
    public record Entry(Holder holder, boolean persistent) {

        public boolean online() {
            return holder != null;
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public void put(String clientId, Holder holder, boolean persistent) {
        entries.put(clientId, new Entry(holder, persistent));
    }

    /** The session stays but has no connection. */
    public void offline(String clientId) {
        entries.computeIfPresent(clientId, (id, entry) -> new Entry(null, entry.persistent()));
    }

    public void remove(String clientId) {
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
}
