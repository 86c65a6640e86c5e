package io.starlingmq.store.redis;

import java.util.List;

/** The Redis key schema. Per-session keys share the hash tag {clientId}; global keys have none. */
final class RedisKeys {

    static final String ROUTES = "starling:routes";
    static final String SESSIONS = "starling:sessions";
    static final String RETAINED = "starling:retained";
    static final String EXPIRY = "starling:expiry";
    static final String WILLS = "starling:wills";
    static final String CHANGES = "starling:changes";
    static final String BANNED = "starling:banned";

    /** Separates client id and filter in a route field; MQTT strings never contain U+0000. */
    private static final char ROUTE_SEPARATOR = '\0';

    private RedisKeys() {
    }

    /** The six keys every session function takes, in the order the Lua library expects. */
    static List<String> session(String clientId) {
        String prefix = "starling:{" + clientId + "}:";
        return List.of(prefix + "session", prefix + "subs", prefix + "queue", prefix + "inflight",
                prefix + "released", prefix + "received");
    }

    /** The will hash of one session (outside the six session keys: a will may outlive its session). */
    static String will(String clientId) {
        return "starling:{" + clientId + "}:will";
    }

    static String routeField(String clientId, String filter) {
        return clientId + ROUTE_SEPARATOR + filter;
    }

    static String clientOfRoute(String field) {
        int separator = field.indexOf(ROUTE_SEPARATOR);
        if (separator < 0) {
            throw new IllegalArgumentException("not a route field: " + field);
        }
        return field.substring(0, separator);
    }
}
