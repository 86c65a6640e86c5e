package io.starlingmq.systemtests.browser;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The steps the page reported, in arrival order. Bounded: a page that reports more than
 * {@link #CAPACITY} events is misbehaving, and the extra ones are refused.
 */
public final class BrowserEvents {

    static final int CAPACITY = 256;

    private final BlockingQueue<JsonNode> arrived = new LinkedBlockingQueue<>(CAPACITY);
    private final List<JsonNode> seen = new ArrayList<>();
    private int accepted;

    /** Records one event; false when the bound is reached. */
    synchronized boolean offer(JsonNode event) {
        if (accepted >= CAPACITY || !arrived.offer(event)) {
            return false;
        }
        accepted++;
        return true;
    }

    /**
     * Waits for an event matching {@code condition}, whether it arrived before or during the call,
     * because the page's POSTs race each other.
     */
    public Optional<JsonNode> await(Predicate<JsonNode> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (seen) {
            Optional<JsonNode> earlier = seen.stream().filter(condition).findFirst();
            if (earlier.isPresent()) {
                return earlier;
            }
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                JsonNode event = arrived.poll(left, TimeUnit.NANOSECONDS);
                if (event == null) {
                    break;
                }
                seen.add(event);
                if (condition.test(event)) {
                    return Optional.of(event);
                }
            }
            return Optional.empty();
        }
    }

    /** Every event consumed by {@link #await} so far, or not yet, for a failure message. */
    public String describe() {
        synchronized (seen) {
            List<JsonNode> all = new ArrayList<>(seen);
            all.addAll(arrived);
            return all.isEmpty() ? "(none)" : String.join("\n", all.stream().map(JsonNode::toString).toList());
        }
    }

    /** A matcher for events of one type. */
    public static Predicate<JsonNode> ofType(String type) {
        return event -> type.equals(event.path("type").asText());
    }
}
