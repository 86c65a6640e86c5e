package io.starlingmq.bench.autoscale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's drain and rebalance settings as the {@code k8s/} ConfigMap sets them (read from
 * {@code k8s/base/gateway/kustomization.yaml}, so the bench runs what is deployed), and the paces the
 * figures compare against: the drain's window and maximum rate, the rebalance's tolerance and maximum rate.
 */
record DrainSettings(Map<String, String> environment, Duration window, int maxRate, double rebalanceTolerance,
                     int rebalanceMaxRate) {

    private static final Pattern LITERAL = Pattern.compile("^\\s*-\\s*(STARLING_GATEWAY_(?:DRAIN|REBALANCE)_[A-Z_]+)=(\\S+)\\s*$");

    static DrainSettings fromConfigMap(Path repo) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(repo.resolve("k8s/base/gateway/kustomization.yaml"))) {
            Matcher m = LITERAL.matcher(line);
            if (m.matches()) {
                env.put(m.group(1), m.group(2));
            }
        }
        return new DrainSettings(Map.copyOf(env), seconds(required(env, "STARLING_GATEWAY_DRAIN_WINDOW")),
                Integer.parseInt(required(env, "STARLING_GATEWAY_DRAIN_MAX_RATE")),
                Double.parseDouble(required(env, "STARLING_GATEWAY_REBALANCE_TOLERANCE")),
                Integer.parseInt(required(env, "STARLING_GATEWAY_REBALANCE_MAX_RATE")));
    }

    private static String required(Map<String, String> env, String key) {
        String value = env.get(key);
        if (value == null) {
            throw new IllegalStateException("the gateway ConfigMap in k8s/base/gateway/kustomization.yaml has no " + key);
        }
        return value;
    }

    /** {@code 20s} or {@code 2m}. */
    static Duration seconds(String value) {
        if (value.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
    }
}
