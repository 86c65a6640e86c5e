package io.starlingmq.store.redis;

/** Field names of a change stream entry. */
final class RedisChangeFields {

    static final String ORIGIN = "o";
    static final String CHANGE = "c";

    private RedisChangeFields() {
    }
}
