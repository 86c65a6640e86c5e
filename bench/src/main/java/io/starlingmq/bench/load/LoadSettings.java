package io.starlingmq.bench.load;

import java.time.Duration;

/**
 * How one run loads a broker.
 *
 * @param window publishes one publisher may have unacknowledged (or unwritten, QoS 0) at once
 */
public record LoadSettings(MqttVersion version, int qos, int payloadSize, Duration duration, Rate rate, int window) {

    public LoadSettings withRate(Rate newRate) {
        return new LoadSettings(version, qos, payloadSize, duration, newRate, window);
    }

    public LoadSettings withDuration(Duration newDuration) {
        return new LoadSettings(version, qos, payloadSize, newDuration, rate, window);
    }
}
