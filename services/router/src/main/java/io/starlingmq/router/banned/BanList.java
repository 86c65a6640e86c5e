package io.starlingmq.router.banned;

import io.starlingmq.store.Ban;
import io.starlingmq.store.BanKind;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * This router's replica of the banned list, kept by the change feed, and the check a CONNECT passes. Client
 * ids, usernames and hosts are hash lookups; patterns and networks are tried one by one, as few as operators
 * make. A lapsed ban matches nothing even before the sweep removes it.
 */
public final class BanList {

    private record Compiled(Ban ban, Pattern pattern, PeerNetwork network) {
    }

    private final Map<String, Compiled> byKey = new ConcurrentHashMap<>();
    private final Map<String, Ban> clientIds = new ConcurrentHashMap<>();
    private final Map<String, Ban> usernames = new ConcurrentHashMap<>();
    private final Map<InetAddress, Ban> hosts = new ConcurrentHashMap<>();
    private volatile List<Compiled> patternsAndNetworks = List.of();

    /** Adds or replaces a ban; one that does not compile (written by hand into the store) is left out. */
    public synchronized boolean put(Ban ban) {
        Compiled compiled;
        try {
            compiled = compile(ban);
        } catch (RuntimeException e) {
            return false;
        }
        remove(ban.kind(), ban.who());
        byKey.put(ban.key(), compiled);
        switch (ban.kind()) {
            case CLIENT_ID -> clientIds.put(ban.who(), ban);
            case USERNAME -> usernames.put(ban.who(), ban);
            case PEER_HOST -> PeerHost.literal(ban.who()).ifPresent(address -> hosts.put(address, ban));
            case CLIENT_ID_PATTERN, PEER_NETWORK -> {
                List<Compiled> next = new ArrayList<>(patternsAndNetworks);
                next.add(compiled);
                patternsAndNetworks = List.copyOf(next);
            }
        }
        return true;
    }

    public synchronized Optional<Ban> remove(BanKind kind, String who) {
        Compiled removed = byKey.remove(new Ban(kind, who, "", "", 0, Ban.FOREVER).key());
        if (removed == null) {
            return Optional.empty();
        }
        switch (kind) {
            case CLIENT_ID -> clientIds.remove(who);
            case USERNAME -> usernames.remove(who);
            case PEER_HOST -> PeerHost.literal(who).ifPresent(hosts::remove);
            case CLIENT_ID_PATTERN, PEER_NETWORK -> patternsAndNetworks = patternsAndNetworks.stream()
                    .filter(c -> c != removed).toList();
        }
        return Optional.of(removed.ban());
    }

    /** Forgets the bans lapsed by {@code nowMillis}. */
    public synchronized void dropLapsed(long nowMillis) {
        byKey.values().stream().map(Compiled::ban).filter(ban -> ban.lapsedAt(nowMillis)).toList()
                .forEach(ban -> remove(ban.kind(), ban.who()));
    }

    /** The ban in force at {@code nowMillis} that this client falls under, if any. */
    public Optional<Ban> matching(String clientId, String username, String peerAddress, long nowMillis) {
        Optional<Ban> found = inForce(clientIds.get(clientId), nowMillis);
        if (found.isEmpty() && username != null && !username.isEmpty()) {
            found = inForce(usernames.get(username), nowMillis);
        }
        Optional<InetAddress> host = PeerHost.ofPeerAddress(peerAddress);
        if (found.isEmpty() && host.isPresent()) {
            found = inForce(hosts.get(host.get()), nowMillis);
        }
        for (Compiled compiled : patternsAndNetworks) {
            if (found.isPresent()) {
                break;
            }
            boolean match = compiled.pattern() != null ? compiled.pattern().matcher(clientId).find()
                    : host.isPresent() && compiled.network().contains(host.get());
            if (match) {
                found = inForce(compiled.ban(), nowMillis);
            }
        }
        return found;
    }

    public Optional<Ban> get(BanKind kind, String who) {
        Compiled compiled = byKey.get(new Ban(kind, who, "", "", 0, Ban.FOREVER).key());
        return compiled == null ? Optional.empty() : Optional.of(compiled.ban());
    }

    /** The bans in force at {@code nowMillis}, oldest first (then by kind and subject, for a stable order). */
    public List<Ban> inForce(long nowMillis) {
        return byKey.values().stream().map(Compiled::ban).filter(ban -> !ban.lapsedAt(nowMillis))
                .sorted(Comparator.comparingLong(Ban::atMillis).thenComparing(Ban::key)).toList();
    }

    public int size() {
        return byKey.size();
    }

    private static Optional<Ban> inForce(Ban ban, long nowMillis) {
        return ban == null || ban.lapsedAt(nowMillis) ? Optional.empty() : Optional.of(ban);
    }

    private static Compiled compile(Ban ban) {
        return switch (ban.kind()) {
            case CLIENT_ID_PATTERN -> new Compiled(ban, BanRules.compile(ban), null);
            case PEER_NETWORK -> new Compiled(ban, null, PeerNetwork.parse(ban.who())
                    .orElseThrow(() -> new IllegalArgumentException("not a network: " + ban.who())));
            case PEER_HOST -> {
                PeerHost.literal(ban.who()).orElseThrow(() -> new IllegalArgumentException("not a host: " + ban.who()));
                yield new Compiled(ban, null, null);
            }
            case CLIENT_ID, USERNAME -> new Compiled(ban, null, null);
        };
    }
}
