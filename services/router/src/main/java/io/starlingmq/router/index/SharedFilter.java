package io.starlingmq.router.index;

/**
 * A shared subscription's filter, {@code $share/{group}/{filter}}: the group's name and the topic filter its
 * members share. Members of one group are those with the same ShareName and the same filter.
 *
 * @param asSubscribed the whole filter as subscribed, which names the group in the index and in deliveries
 */
public record SharedFilter(String group, String filter, String asSubscribed) {

    public static final String PREFIX = "$share/";

    /** Whether {@code filter} asks for a shared subscription (valid or not). */
    public static boolean isShared(String filter) {
        return filter.startsWith(PREFIX);
    }

    /**
     * Parses a shared subscription filter; null when it is not one or when it is malformed (empty ShareName,
     * a ShareName with a wildcard, or no valid topic filter after it).
     */
    public static SharedFilter parse(String asSubscribed) {
        if (!isShared(asSubscribed)) {
            return null;
        }
        String rest = asSubscribed.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return null;
        }
        String group = rest.substring(0, slash);
        String filter = rest.substring(slash + 1);
        if (group.contains(TopicFilter.SINGLE_LEVEL) || group.contains(TopicFilter.MULTI_LEVEL)
                || !TopicFilter.isValid(filter)) {
            return null;
        }
        return new SharedFilter(group, filter, asSubscribed);
    }
}
