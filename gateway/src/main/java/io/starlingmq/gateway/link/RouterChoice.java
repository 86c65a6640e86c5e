package io.starlingmq.gateway.link;

/**
 * Which router serves a client id. String.hashCode is specified by the JLS, so every gateway process
 * picks the same router for a client id given the same router list.
 */
public final class RouterChoice {

    private RouterChoice() {
    }

    public static int indexFor(String clientId, int routerCount) {
        return Math.floorMod(clientId.hashCode(), routerCount);
    }
}
