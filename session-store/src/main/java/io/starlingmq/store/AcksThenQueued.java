package io.starlingmq.store;

import java.util.List;
import java.util.Map;

/**
 * What {@link SessionStore#ackAllThenEnqueue} did.
 *
 * @param acked  one result per {@link SessionAcks} entry, in order, as {@link SessionStore#ackAll} answers
 * @param queued per session, as {@link SessionStore#enqueue} answers
 */
public record AcksThenQueued(List<AckResult> acked, Map<String, EnqueueResult> queued) {
}
