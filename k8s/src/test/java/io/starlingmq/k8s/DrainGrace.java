package io.starlingmq.k8s;

import io.fabric8.kubernetes.api.model.Container;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A gateway's pod outlives its drain: the grace period covers the drain's timeout plus the time the
 * router links may take to flush afterwards, or the kubelet's SIGKILL cuts the drain short and every
 * client still connected reconnects at once.
 */
final class DrainGrace {

    /** The gateway's MqttServer.LINK_FLUSH_TIMEOUT. */
    static final Duration LINK_FLUSH = Duration.ofSeconds(5);
    /** Kubernetes' default terminationGracePeriodSeconds. */
    static final long DEFAULT_GRACE_SECONDS = 30;

    private DrainGrace() {}

    static List<String> faults(Suite s) {
        List<String> faults = new ArrayList<>();
        for (Suite.Workload w : s.workloads()) {
            for (Container c : w.containers()) {
                if (App.of(c) != App.GATEWAY) {
                    continue;
                }
                Long set = w.template().getSpec().getTerminationGracePeriodSeconds();
                long grace = set == null ? DEFAULT_GRACE_SECONDS : set;
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
