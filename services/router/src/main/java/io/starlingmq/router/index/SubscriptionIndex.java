package io.starlingmq.router.index;

import io.starlingmq.store.Subscription;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The router's replica of all subscriptions, as a trie of filter levels. A shared subscription
 * ({@code $share/{group}/{filter}}) sits at its filter's node, in its group. Matching takes a read lock so
 * many gateway streams route at once; changes take the write lock (they are rare next to publishes).
 */
public final class SubscriptionIndex {

    /** One session's subscription, as listings show it. */
    public record Listed(String clientId, Subscription subscription) {
    }

    /** A page of subscriptions; {@code hasNext}: more pass the filter after the last one answered. */
    public record ListedPage(List<Listed> subscriptions, boolean hasNext) {
    }

    /** A topic filter with at least one subscription (a shared one by its filter), and how many sessions hold it. */
    public record Route(String topicFilter, int sessions) {
    }

    public record RoutePage(List<Route> routes, boolean hasNext) {
    }

    private final Node root = new Node(null, null);
    /** client id -> its filters as subscribed (shared ones with their prefix), both in order for listings */
    private final NavigableMap<String, NavigableSet<String>> filtersByClient = new TreeMap<>();
    /** topic filter (a shared one's without its prefix) -> subscriptions to it, in order for listings */
    private final NavigableMap<String, Integer> subscriptionsByFilter = new TreeMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    /** Adds or replaces the subscription of {@code clientId} to {@code subscription.filter()}. */
    public void add(String clientId, Subscription subscription) {
        SharedFilter shared = SharedFilter.parse(subscription.filter());
        String topicFilter = shared == null ? subscription.filter() : shared.filter();
        lock.writeLock().lock();
        try {
            Node node = root;
            for (String level : TopicFilter.levels(topicFilter)) {
                node = node.children.computeIfAbsent(level, l -> new Node(l, null)).withParent(node);
            }
            if (shared == null) {
                node.subscribers.put(clientId, subscription);
            } else {
                node.groups.computeIfAbsent(shared.asSubscribed(), g -> new HashMap<>()).put(clientId, subscription);
            }
            if (filtersByClient.computeIfAbsent(clientId, c -> new TreeSet<>()).add(subscription.filter())) {
                subscriptionsByFilter.merge(topicFilter, 1, Integer::sum);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes one subscription (a shared one by its whole filter); answers whether it existed. */
    public boolean remove(String clientId, String filter) {
        lock.writeLock().lock();
        try {
            return removeLocked(clientId, filter);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes every subscription of a session (it ended or expired). */
    public void removeAll(String clientId) {
        lock.writeLock().lock();
        try {
            Set<String> filters = filtersByClient.get(clientId);
            if (filters != null) {
                for (String filter : List.copyOf(filters)) {
                    removeLocked(clientId, filter);
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The filters a session is subscribed to, as subscribed. */
    public Set<String> filtersOf(String clientId) {
        lock.readLock().lock();
        try {
            return Set.copyOf(filtersByClient.getOrDefault(clientId, Collections.emptyNavigableSet()));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A session's subscriptions as subscribed (shared ones with their prefix), in filter order. */
    /** How many subscriptions the client has, without building them. */
    public int subscriptionCount(String clientId) {
        lock.readLock().lock();
        try {
            return filtersByClient.getOrDefault(clientId, Collections.emptyNavigableSet()).size();
        } finally {
            lock.readLock().unlock();
        }
    }

    public List<Subscription> subscriptionsOf(String clientId) {
        lock.readLock().lock();
        try {
            List<Subscription> subscriptions = new ArrayList<>();
            for (String filter : filtersByClient.getOrDefault(clientId, Collections.emptyNavigableSet())) {
                Subscription subscription = subscriptionLocked(clientId, filter);
                if (subscription != null) {
                    subscriptions.add(subscription);
                }
            }
            return subscriptions;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Up to {@code limit} subscriptions that pass {@code filter}, in client id then filter order: from the client
     * {@code fromClientId} on (null: from the first), of that client only its filters after {@code afterFilter}
     * (null: all of them), leaving out the first {@code skip} that pass. Walks only as far as the page needs,
     * under the read lock.
     */
    public ListedPage subscriptions(String fromClientId, String afterFilter, long skip, int limit,
                                    Predicate<Listed> filter) {
        List<Listed> page = new ArrayList<>(Math.min(limit, 1024));
        long toSkip = skip;
        lock.readLock().lock();
        try {
            NavigableMap<String, NavigableSet<String>> from = fromClientId == null ? filtersByClient
                    : filtersByClient.tailMap(fromClientId, true);
            for (Map.Entry<String, NavigableSet<String>> client : from.entrySet()) {
                NavigableSet<String> filters = client.getValue();
                if (afterFilter != null && client.getKey().equals(fromClientId)) {
                    filters = filters.tailSet(afterFilter, false);
                }
                for (String subscribed : filters) {
                    Subscription subscription = subscriptionLocked(client.getKey(), subscribed);
                    if (subscription == null) {
                        continue;
                    }
                    Listed listed = new Listed(client.getKey(), subscription);
                    if (!filter.test(listed)) {
                        continue;
                    }
                    if (toSkip > 0) {
                        toSkip--;
                        continue;
                    }
                    if (page.size() == limit) {
                        return new ListedPage(page, true);
                    }
                    page.add(listed);
                }
            }
            return new ListedPage(page, false);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Up to {@code limit} topic filters that have subscriptions and pass {@code filter}, in order, after
     * {@code after} (null: from the first), leaving out the first {@code skip} that pass.
     */
    public RoutePage routes(String after, long skip, int limit, Predicate<String> filter) {
        List<Route> page = new ArrayList<>(Math.min(limit, 1024));
        long toSkip = skip;
        lock.readLock().lock();
        try {
            NavigableMap<String, Integer> from = after == null ? subscriptionsByFilter
                    : subscriptionsByFilter.tailMap(after, false);
            for (Map.Entry<String, Integer> route : from.entrySet()) {
                if (!filter.test(route.getKey())) {
                    continue;
                }
                if (toSkip > 0) {
                    toSkip--;
                    continue;
                }
                if (page.size() == limit) {
                    return new RoutePage(page, true);
                }
                page.add(new Route(route.getKey(), route.getValue()));
            }
            return new RoutePage(page, false);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many distinct topic filters have subscriptions. */
    public int routeCount() {
        lock.readLock().lock();
        try {
            return subscriptionsByFilter.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every subscription whose filter matches {@code topic}: non-shared ones per session, shared ones per group. */
    public Matches match(String topic) {
        List<String> levels = TopicFilter.levels(topic);
        boolean system = TopicFilter.isSystemTopic(topic);
        Matches matches = new Matches(new HashMap<>(), new HashMap<>());
        lock.readLock().lock();
        try {
            collect(root, levels, 0, system, matches);
        } finally {
            lock.readLock().unlock();
        }
        return matches;
    }

    /** The members of the shared group {@code $share/{group}/{filter}}; empty when it has none. */
    public List<Matches.Member> members(SharedFilter shared) {
        lock.readLock().lock();
        try {
            Node node = find(shared.filter());
            Map<String, Subscription> group = node == null ? null : node.groups.get(shared.asSubscribed());
            return group == null ? List.of() : toMembers(group);
        } finally {
            lock.readLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return filtersByClient.values().stream().mapToInt(Set::size).sum();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void collect(Node node, List<String> levels, int depth, boolean system, Matches matches) {
        boolean wildcardsAllowed = !(system && depth == 0);
        if (wildcardsAllowed) {
            // '#' matches the remaining levels, including none: "a/#" matches "a".
            Node multi = node.children.get(TopicFilter.MULTI_LEVEL);
            if (multi != null) {
                addAll(multi, matches);
            }
        }
        if (depth == levels.size()) {
            addAll(node, matches);
            return;
        }
        Node exact = node.children.get(levels.get(depth));
        if (exact != null) {
            collect(exact, levels, depth + 1, system, matches);
        }
        if (wildcardsAllowed) {
            Node single = node.children.get(TopicFilter.SINGLE_LEVEL);
            if (single != null) {
                collect(single, levels, depth + 1, system, matches);
            }
        }
    }

    private static void addAll(Node node, Matches matches) {
        node.subscribers.forEach((clientId, subscription) ->
                matches.bySession().computeIfAbsent(clientId, c -> new ArrayList<>()).add(subscription));
        node.groups.forEach((group, members) -> matches.sharedGroups().put(group, toMembers(members)));
    }

    private static List<Matches.Member> toMembers(Map<String, Subscription> group) {
        List<Matches.Member> members = new ArrayList<>(group.size());
        group.forEach((clientId, subscription) -> members.add(new Matches.Member(clientId, subscription)));
        return members;
    }

    private Subscription subscriptionLocked(String clientId, String subscribed) {
        SharedFilter shared = SharedFilter.parse(subscribed);
        Node node = find(shared == null ? subscribed : shared.filter());
        return node == null ? null : shared == null ? node.subscribers.get(clientId)
                : node.groups.getOrDefault(shared.asSubscribed(), Map.of()).get(clientId);
    }

    private Node find(String topicFilter) {
        Node node = root;
        for (String level : TopicFilter.levels(topicFilter)) {
            node = node.children.get(level);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private boolean removeLocked(String clientId, String filter) {
        SharedFilter shared = SharedFilter.parse(filter);
        Node node = find(shared == null ? filter : shared.filter());
        if (node == null) {
            return false;
        }
        boolean existed;
        if (shared == null) {
            existed = node.subscribers.remove(clientId) != null;
        } else {
            Map<String, Subscription> group = node.groups.get(shared.asSubscribed());
            existed = group != null && group.remove(clientId) != null;
            if (group != null && group.isEmpty()) {
                node.groups.remove(shared.asSubscribed());
            }
        }
        Set<String> filters = filtersByClient.get(clientId);
        if (filters != null) {
            if (filters.remove(filter)) {
                subscriptionsByFilter.computeIfPresent(shared == null ? filter : shared.filter(),
                        (f, count) -> count == 1 ? null : count - 1);
            }
            if (filters.isEmpty()) {
                filtersByClient.remove(clientId);
            }
        }
        prune(node);
        return existed;
    }

    /** Drops nodes left without subscribers or children, so the trie does not grow with churn. */
    private static void prune(Node node) {
        while (node.parent != null && node.subscribers.isEmpty() && node.groups.isEmpty() && node.children.isEmpty()) {
            node.parent.children.remove(node.level);
            node = node.parent;
        }
    }

    private static final class Node {
        private final String level;
        private Node parent;
        private final Map<String, Node> children = new HashMap<>();
        private final Map<String, Subscription> subscribers = new HashMap<>();
        /** shared filter as subscribed -> client id -> subscription */
        private final Map<String, Map<String, Subscription>> groups = new HashMap<>();

        private Node(String level, Node parent) {
            this.level = level;
            this.parent = parent;
        }

        private Node withParent(Node newParent) {
            this.parent = newParent;
            return this;
        }
    }
}
