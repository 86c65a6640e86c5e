package io.starlingmq.testing.fleet;

/**
 * What one client of the fleet's load is: its id, protocol version, whether its session outlives its
 * connection, and what it does.
 *
 * @param group the topic group it publishes to or subscribes to (idle clients: none, -1)
 * @param qos   a publisher's QoS (1 or 2); a subscriber's granted maximum (2); an idle client's (1)
 */
public record ClientProfile(String id, Version version, boolean persistent, Role role, int group, int qos) {

    public enum Version { V5, V311 }

    public enum Role {
        /** Publishes sequence-numbered messages to {@code fleet/g<group>/<id>} at a steady rate. */
        PUBLISHER,
        /** Subscribes to {@code fleet/g<group>/#} at QoS 2 and records every message. */
        SUBSCRIBER,
        /** Holds a connection and a subscription to a topic of its own that nobody publishes to. */
        IDLE
    }

    public boolean isMqtt5() {
        return version == Version.V5;
    }

    /** The topic a publisher publishes to. */
    public String topic() {
        return "fleet/g" + group + "/" + id;
    }

    /** The filter a subscriber (or an idle client) subscribes to. */
    public String filter() {
        return role == Role.IDLE ? "fleet/idle/" + id : "fleet/g" + group + "/#";
    }
}
