package io.starlingmq.router.link;

import io.starlingmq.contract.link.v1.RouterEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a stream's deliveries to a connection behind its SessionOpened. Once the store has made a
 * connection a session's holder, publishes routed on other streams may address it before this stream has
 * sent SessionOpened; a gateway drops what reaches a connection before its session is open, and the
 * message would wait in the store's window until the client's next reconnect. So deliveries to a
 * connection whose opening is under way wait here and follow its SessionOpened.
 */
final class OpeningSessions {

    /** Deliveries held for one opening connection at most; the window of a session is far smaller. */
    static final int MAX_HELD = 1024;

    private final FrameSender sender;
    private final Map<Long, List<RouterEvent>> held = new ConcurrentHashMap<>();

    OpeningSessions(FrameSender sender) {
        this.sender = sender;
    }

    /** The connection's SessionOpen is under way: deliveries to it wait from now on. */
    void opening(long connectionId) {
        held.put(connectionId, new ArrayList<>());
    }

    /** Sends the answer to the SessionOpen (SessionOpened and what comes with it), then what waited for it. */
    void opened(long connectionId, List<RouterEvent> answer) {
        synchronized (held) {
            sender.sendAll(answer);
            List<RouterEvent> waiting = held.remove(connectionId);
            if (waiting != null && !waiting.isEmpty()) {
                sender.sendAll(waiting);
            }
        }
    }

    /** The opening failed: its answer goes out, what waited is dropped (the store keeps it for the next resume). */
    void failed(long connectionId, RouterEvent answer) {
        synchronized (held) {
            held.remove(connectionId);
            sender.send(answer);
        }
    }

    /** Sends deliveries from other streams, holding those whose connection is still opening. */
    void deliver(List<RouterEvent> deliveries) {
        // A delivery to an opening connection exists only after its opening was registered here.
        if (held.isEmpty()) {
            sender.sendAll(deliveries);
            return;
        }
        synchronized (held) {
            List<RouterEvent> now = new ArrayList<>(deliveries.size());
            for (RouterEvent event : deliveries) {
                List<RouterEvent> waiting = event.getEventCase() == RouterEvent.EventCase.DELIVER
                        ? held.get(event.getDeliver().getConnectionId()) : null;
                if (waiting == null) {
                    now.add(event);
                } else if (waiting.size() < MAX_HELD) {
                    waiting.add(event);
                }
            }
            sender.sendAll(now);
        }
    }
}
