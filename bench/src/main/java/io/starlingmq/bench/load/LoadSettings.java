package io.starlingmq.bench.load;

import io.starlingmq.bench.client.MqttVersion;
import java.time.Duration;

/**
 * How one run loads a broker.
 *
 * @param window publishes one publisher may have unacknowledged (or unwritten, QoS 0) at once;
 *        {@link #BROKER_WINDOW} fills what the broker allows (see {@link PublishWindow})
 * @param client the client library of the run's publishers and subscribers
 */
public record LoadSettings(MqttVersion version, int qos, int payloadSize, Duration duration, Rate rate, int window,
        ClientKind client) {

    /** As many unacknowledged QoS 1/2 publishes as the broker's Receive Maximum allows. */
    public static final int BROKER_WINDOW = 0;

    public LoadSettings {
        if (window < 0) {
            throw new IllegalArgumentException("window " + window);
        }
    }

    public LoadSettings withRate(Rate newRate) {
        return new LoadSettings(version, qos, payloadSize, duration, newRate, window, client);
    }

    public LoadSettings withDuration(Duration newDuration) {
        return new LoadSettings(version, qos, payloadSize, newDuration, rate, window, client);
    }

    public LoadSettings withQos(int newQos) {
        return new LoadSettings(version, newQos, payloadSize, duration, rate, window, client);
    }
}
