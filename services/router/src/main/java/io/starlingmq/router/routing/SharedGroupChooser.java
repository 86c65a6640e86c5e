package io.starlingmq.router.routing;

import io.starlingmq.router.index.Matches;
import io.starlingmq.router.index.SessionDirectory;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Picks the one member of a shared subscription group that gets a message. Members whose session is online
 * come first; only when none is online does an offline persistent member get it (into its queue). Members
 * this router knows no session of are skipped.
 */
public final class SharedGroupChooser {

    /**
     * Round-robin turn counters, one slot per group hash: a fixed array rather than a map keyed by group
     * names (client input), so the memory stays bounded; groups sharing a slot share its turns.
     */
    private static final int TURN_SLOTS = 4096;

    private final SharedSubscriptionStrategy strategy;
    private final SessionDirectory directory;
    private final AtomicLongArray turns = new AtomicLongArray(TURN_SLOTS);

    public SharedGroupChooser(SharedSubscriptionStrategy strategy, SessionDirectory directory) {
        this.strategy = strategy;
        this.directory = directory;
    }

    /**
     * The member of {@code group} to deliver to, never {@code excludedClientId} (a member leaving the group);
     * null when no member can take it.
     */
    public Matches.Member choose(String group, List<Matches.Member> members, String publisher,
                                 String excludedClientId) {
        List<Matches.Member> eligible = members.stream()
                .filter(m -> !m.clientId().equals(excludedClientId))
                .filter(m -> directory.get(m.clientId()) != null)
                .sorted(Comparator.comparing(Matches.Member::clientId))
                .toList();
        List<Matches.Member> online = eligible.stream().filter(m -> directory.get(m.clientId()).online()).toList();
        List<Matches.Member> candidates = online.isEmpty()
                ? eligible.stream().filter(m -> directory.get(m.clientId()).persistent()).toList()
                : online;
        if (candidates.isEmpty()) {
            return null;
        }
        return candidates.get(pick(group, candidates.size(), publisher));
    }

    private int pick(String group, int size, String publisher) {
        return switch (strategy) {
            case ROUND_ROBIN -> (int) Math.floorMod(turns.getAndIncrement(Math.floorMod(group.hashCode(), TURN_SLOTS)),
                    (long) size);
            case RANDOM -> ThreadLocalRandom.current().nextInt(size);
            case HASH_CLIENTID -> Math.floorMod(publisher == null ? 0 : publisher.hashCode(), size);
        };
    }
}
