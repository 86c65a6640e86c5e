package io.starlingmq.gateway.link;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Which router serves a client id: rendezvous hashing. Each router gets a score for the client id, the highest
 * wins. Adding a router moves only the client ids it now wins; removing one moves only its own. The score
 * depends on nothing but the two strings (FNV-1a, then a 64-bit finalizer to spread it), so every gateway
 * picks the same router given the same set.
 */
public final class RouterChoice {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private RouterChoice() {
    }

    /** The member of {@code routers} that serves {@code clientId}; null when there is none. */
    public static String ownerOf(String clientId, Collection<String> routers) {
        String owner = null;
        long best = 0;
        for (String router : routers) {
            long score = score(clientId, router);
            if (owner == null || Long.compareUnsigned(score, best) > 0
                    || (score == best && router.compareTo(owner) < 0)) {
                owner = router;
                best = score;
            }
        }
        return owner;
    }

    static long score(String clientId, String router) {
        long hash = FNV_OFFSET;
        for (byte b : clientId.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * FNV_PRIME;
        }
        hash = (hash ^ 0xff) * FNV_PRIME;
        for (byte b : router.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * FNV_PRIME;
        }
        // splitmix64's finalizer: FNV alone leaves the scores of similar strings close together
        hash ^= hash >>> 30;
        hash *= 0xbf58476d1ce4e5b9L;
        hash ^= hash >>> 27;
        hash *= 0x94d049bb133111ebL;
        return hash ^ (hash >>> 31);
    }
}
