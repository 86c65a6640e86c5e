package io.starlingmq.k8s;

import io.fabric8.kubernetes.api.model.Container;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A gateway's pod outlives its drain: the grace period covers the drain's timeout plus the time the
 * router links may take to flush afterwards, or the kubelet's SIGKILL cuts the drain short and every
 * client still connected reconnects at once. A bridge's pod outlives its rules' stop, or what they had
 * in flight and not yet confirmed is delivered twice.
 */
final class DrainGrace {

    /** The gateway's MqttServer.LINK_FLUSH_TIMEOUT. */
    static final Duration LINK_FLUSH = Duration.ofSeconds(5);
    /**
     * What a bridge rule taking messages from MQTT may take after its stop timeout: MqttSource's disconnect
     * (StarlingConnection.stop, 5 s) and closing its destination (ArchiveSink.close, 10 s; KafkaSink.close, 5 + 5 s).
     */
    static final Duration BRIDGE_AFTER_STOP_TIMEOUT = Duration.ofSeconds(15);
    /**
     * A kafka-to-mqtt rule's stop, whatever the stop timeout (KafkaToMqttRunner.stop): 60 s for its batch's
     * acknowledgements, 5 s after waking its consumer, 5 s to disconnect.
     */
    static final Duration BRIDGE_KAFKA_TO_MQTT_STOP = Duration.ofSeconds(70);
    /** Kubernetes' default terminationGracePeriodSeconds. */
    static final long DEFAULT_GRACE_SECONDS = 30;

    private DrainGrace() {}

    static List<String> faults(Suite s) {
        List<String> faults = new ArrayList<>();
        for (Suite.Workload w : s.workloads()) {
            Long set = w.template().getSpec().getTerminationGracePeriodSeconds();
            long grace = set == null ? DEFAULT_GRACE_SECONDS : set;
            for (Container c : w.containers()) {
                if (App.of(c) == App.BRIDGE) {
                    String timeout = Ports.value(App.BRIDGE, s.config(w, c), "starling.bridge.stop-timeout")
                            .orElseThrow(() -> new IllegalStateException("the bridge ships no stop timeout"));
                    Duration afterTimeout = duration(timeout).plus(BRIDGE_AFTER_STOP_TIMEOUT);
                    Duration needed = afterTimeout.compareTo(BRIDGE_KAFKA_TO_MQTT_STOP) > 0 ? afterTimeout
                            : BRIDGE_KAFKA_TO_MQTT_STOP;
                    if (Duration.ofSeconds(grace).compareTo(needed) < 0) {
                        faults.add(w.id() + ": terminationGracePeriodSeconds " + grace + " is shorter than the "
                                + needed.toSeconds() + " s the bridge's rules may take to stop (the stop timeout " + timeout
                                + " plus " + BRIDGE_AFTER_STOP_TIMEOUT.toSeconds() + " s, at least "
                                + BRIDGE_KAFKA_TO_MQTT_STOP.toSeconds() + " s with a kafka-to-mqtt rule)");
                    }
                }
                if (App.of(c) != App.GATEWAY) {
                    continue;
                }
                String timeout = Ports.value(App.GATEWAY, s.config(w, c), "starling.gateway.drain.timeout")
                        .orElseThrow(() -> new IllegalStateException("the gateway ships no drain timeout"));
                Duration needed = duration(timeout).plus(LINK_FLUSH);
                if (Duration.ofSeconds(grace).compareTo(needed) < 0) {
                    faults.add(w.id() + ": terminationGracePeriodSeconds " + grace + " is shorter than the gateway's drain"
                            + " timeout " + timeout + " plus " + LINK_FLUSH.toSeconds() + " s for its router links");
                }
            }
        }
        return faults;
    }

    /** A duration as SmallRye Config reads it: ISO-8601, a number of seconds, or a number with ms, s, m, h or d. */
    static Duration duration(String value) {
        String v = value.trim();
        if (v.startsWith("P") || v.startsWith("p")) {
            return Duration.parse(v);
        }
        if (v.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        if (v.toLowerCase(Locale.ROOT).endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        String unit = v.substring(v.length() - 1).toUpperCase(Locale.ROOT);
        return unit.equals("D") ? Duration.parse("P" + v.toUpperCase(Locale.ROOT)) : Duration.parse("PT" + v.toUpperCase(Locale.ROOT));
    }
}
