package io.starlingmq.store;

/** The live connection that holds a session: a gateway process and its connection number. */
public record Holder(String gatewayId, long connectionId) {

    public Holder {
        if (gatewayId == null || gatewayId.isEmpty()) {
            throw new IllegalArgumentException("gatewayId must not be empty");
        }
    }
}
