package io.starlingmq.bridge.remote;

import io.starlingmq.bridge.mqtt.StarlingConnection;
import io.starlingmq.bridge.rule.RuleDefinitionException;
import io.starlingmq.bridge.rule.RuleProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The other MQTT broker of a broker bridge ({@code remote.*}): where it is, as whom the bridge connects, and
 * with which client id (by default the bridge's own for the rule, {@code starling-bridge-<instance>-<rule>}).
 * MQTT 5 only: Mosquitto 2, EMQX, HiveMQ, VerneMQ and the cloud brokers speak it.
 */
public record RemoteBroker(String host, int port, Optional<String> username, Optional<String> password,
                           boolean tls, Optional<Path> caFile, String clientId) {

    public static RemoteBroker from(RuleProperties properties, String defaultClientId) {
        String rule = properties.name();
        boolean tls = properties.bool("remote.tls", false);
        Optional<Path> caFile = properties.optional("remote.ca-file").map(Path::of);
        if (caFile.isPresent() && !tls) {
            throw new RuleDefinitionException(rule, "remote.ca-file", "applies only with remote.tls=true");
        }
        if (caFile.isPresent() && !Files.isReadable(caFile.get())) {
            throw new RuleDefinitionException(rule, "remote.ca-file", "cannot read " + caFile.get());
        }
        Optional<String> username = properties.optional("remote.username");
        Optional<String> password = properties.optional("remote.password");
        if (password.isPresent() && username.isEmpty()) {
            throw new RuleDefinitionException(rule, "remote.password", "needs remote.username");
        }
        return new RemoteBroker(properties.required("remote.host"),
                properties.integer("remote.port", tls ? 8883 : 1883, 1, 65535),
                username, password, tls, caFile,
                properties.optional("remote.client-id", defaultClientId));
    }

    public StarlingConnection.Endpoint endpoint() {
        return new StarlingConnection.Endpoint(host, port, username.orElse(null), password.orElse(null), tls,
                caFile.orElse(null));
    }

    /** {@code mqtt://host:port} or {@code mqtts://host:port}, for routes and reasons. */
    public String address() {
        return (tls ? "mqtts://" : "mqtt://") + host + ":" + port;
    }

    @Override
    public String toString() {
        // Never the password: rules are logged and listed.
        return address() + " as " + clientId + username.map(name -> " (user " + name + ")").orElse("");
    }
}
