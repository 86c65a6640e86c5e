package io.starlingmq.bench.load;

import io.starlingmq.bench.client.BenchClient;

/**
 * How many publishes one publisher keeps outstanding. A fixed {@code --window}, or with
 * {@link LoadSettings#BROKER_WINDOW} what the broker allows: at QoS 1/2 its Receive Maximum from CONNACK,
 * the way a raw client fills its window; at QoS 0, which the broker does not limit, {@link #QOS0_UNWRITTEN}
 * publishes not yet written to the socket.
 */
public final class PublishWindow {

    /** QoS 0 with the broker's window: publishes handed to the client and not yet written to the socket. */
    public static final int QOS0_UNWRITTEN = 1_000;
    /** MQTT 3.1.1 announces no Receive Maximum: the window it gets instead (the bench's classic 32). */
    public static final int WITHOUT_RECEIVE_MAXIMUM = 32;

    private PublishWindow() {
    }

    /** @param client connected, so that its broker's Receive Maximum is known */
    public static int of(LoadSettings settings, BenchClient client) {
        if (settings.window() != LoadSettings.BROKER_WINDOW) {
            return settings.window();
        }
        if (settings.qos() == 0) {
            return QOS0_UNWRITTEN;
        }
        return client.brokerReceiveMaximum().orElse(WITHOUT_RECEIVE_MAXIMUM);
    }

    /** For a report: the window asked for in words. */
    public static String describe(int window) {
        return window == LoadSettings.BROKER_WINDOW ? "the broker's Receive Maximum (QoS 0: " + QOS0_UNWRITTEN + " unwritten)"
                : Integer.toString(window);
    }
}
