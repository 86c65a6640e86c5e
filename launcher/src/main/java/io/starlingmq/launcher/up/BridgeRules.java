package io.starlingmq.launcher.up;

import java.nio.file.Path;
import java.util.List;

/**
 * The two rules the Kafka bridge of {@code up --kafka} runs with, in the bridge's configuration keys (the
 * templates {@code ${clientid}}, {@code ${payload}} and {@code ${key}} literal: the bridge reads raw values),
 * and the client ids its connections take: {@code starling-bridge-<instance>-<rule>}, one per rule.
 */
final class BridgeRules {

    static final String INSTANCE = "local";
    static final String TO_KAFKA = "to-kafka";
    static final String FROM_KAFKA = "from-kafka";
    static final String TO_KAFKA_FILTER = "bridge/to-kafka/#";
    static final String TO_KAFKA_TOPIC = "mqtt-in";
    static final String FROM_KAFKA_TOPIC = "mqtt-out";
    static final String FROM_KAFKA_MQTT_PREFIX = "bridge/from-kafka/";

    private BridgeRules() {
    }

    /** The rules file, read by the bridge through {@code QUARKUS_CONFIG_LOCATIONS}. */
    static String properties() {
        String to = "starling.bridge.rules." + TO_KAFKA + ".";
        String from = "starling.bridge.rules." + FROM_KAFKA + ".";
        return String.join("\n",
                to + "kind=mqtt-to-kafka",
                to + "filter=" + TO_KAFKA_FILTER,
                to + "kafka-topic=" + TO_KAFKA_TOPIC,
                to + "key=${clientid}",
                to + "value=${payload}",
                from + "kind=kafka-to-mqtt",
                from + "kafka-topics=" + FROM_KAFKA_TOPIC,
                from + "mqtt-topic=" + FROM_KAFKA_MQTT_PREFIX + "${key}",
                from + "qos=1",
                "");
    }

    static void write(Path file) {
        RunDirectory.writeFile(file, properties());
    }

    /** The MQTT client ids of the bridge's connections, one per rule. */
    static List<String> clientIds() {
        return List.of(clientId(TO_KAFKA), clientId(FROM_KAFKA));
    }

    private static String clientId(String rule) {
        return "starling-bridge-" + INSTANCE + "-" + rule;
    }
}
