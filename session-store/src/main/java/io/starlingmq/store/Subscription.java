package io.starlingmq.store;

/**
 * One subscription of a session. Options beyond QoS are MQTT 5 subscription options; 3.1.1 sessions
 * use the defaults.
 */
public record Subscription(String filter, int qos, boolean noLocal, boolean retainAsPublished,
                           int retainHandling, int subscriptionId) {

    public static Subscription of(String filter, int qos) {
        return new Subscription(filter, qos, false, false, 0, 0);
    }
}
