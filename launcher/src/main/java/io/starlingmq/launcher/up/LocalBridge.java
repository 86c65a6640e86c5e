package io.starlingmq.launcher.up;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How {@code up --kafka} runs the Kafka bridge: its environment (the gateway, Kafka, the rules file, the
 * instance name) and, when devices authenticate with the development key, its MQTT credential: one token
 * for all its connections' client ids (a client-id claim that is a list, see the auth service), whose rule
 * allows {@code bridge/#} only.
 */
final class LocalBridge {

    static final String USERNAME = "starling-bridge-" + BridgeRules.INSTANCE;
    static final String ACL = "{\"pub\":[\"bridge/#\"],\"sub\":[\"bridge/#\"]}";
    /**
     * The gateway disconnects a connection whose token expired, and the bridge reconnects with the same
     * one: the token must outlast the run. A month is longer than any local run; the next 'up' signs anew.
     */
    static final Duration TOKEN_LIFETIME = Duration.ofDays(30);

    private LocalBridge() {
    }

    /** The bridge's environment; with {@code password}, it connects as {@link #USERNAME} with it. */
    static Map<String, String> environment(int mqttPort, String kafkaBootstrapServers, Path rulesFile,
                                           Optional<String> password) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("STARLING_BRIDGE_MQTT_HOST", "127.0.0.1");
        env.put("STARLING_BRIDGE_MQTT_PORT", Integer.toString(mqttPort));
        env.put("STARLING_BRIDGE_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        env.put("STARLING_BRIDGE_INSTANCE", BridgeRules.INSTANCE);
        env.put("QUARKUS_CONFIG_LOCATIONS", rulesFile.toString());
        password.ifPresent(token -> {
            env.put("STARLING_BRIDGE_MQTT_USERNAME", USERNAME);
            env.put("STARLING_BRIDGE_MQTT_PASSWORD", token);
        });
        return env;
    }

    /** The bridge's token, signed with the development key. */
    static String token(DevKey devKey) throws IOException {
        try {
            return DevKeyToken.signForClients(devKey.readPrivateKey(), USERNAME, BridgeRules.clientIds(), ACL,
                    TOKEN_LIFETIME);
        } catch (GeneralSecurityException e) {
            throw new IOException("could not sign the bridge's token with " + devKey.privateKey(), e);
        }
    }
}
