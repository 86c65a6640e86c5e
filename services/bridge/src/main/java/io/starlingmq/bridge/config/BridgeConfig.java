package io.starlingmq.bridge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The bridge's own settings ({@code starling.bridge.*}). The rules, {@code starling.bridge.rules.<name>.*},
 * are read raw by {@code RuleSource}, not mapped here, so their templates keep their {@code ${...}}.
 */
@ConfigMapping(prefix = "starling.bridge")
public interface BridgeConfig {

    /** This replica's stable name (the pod name in Kubernetes): part of its MQTT client ids. */
    @WithDefault("local")
    String instance();

    /** A rule is reported DOWN when a message has waited this long for its destination, or failed this recently. */
    @WithDefault("10s")
    Duration unhealthyAfter();

    /** How long a stopping rule waits for the destination to confirm what is in flight. */
    @WithDefault("20s")
    Duration stopTimeout();

    Mqtt mqtt();

    Kafka kafka();

    S3 s3();

    /** How the bridge reaches Starling: as an MQTT 5 client of a gateway (or of the gateways' Service). */
    interface Mqtt {
        @WithDefault("127.0.0.1")
        String host();

        @WithDefault("1883")
        int port();

        Optional<String> username();

        Optional<String> password();

        /** TLS towards the gateway; the CA file, when set, is what the gateway's certificate must chain to. */
        @WithDefault("false")
        boolean tls();

        Optional<Path> caFile();

        /** Client ids are this prefix, the instance and the rule; the gateway shows publishers to this prefix. */
        @WithDefault("starling-bridge-")
        String clientIdPrefix();

        /** Most messages a rule has read and not yet acknowledged: the bound of its in-flight window. */
        @WithDefault("1000")
        int receiveMaximum();

        /** How long Starling keeps a rule's session (and queues its messages) while the bridge is away. */
        @WithDefault("7d")
        Duration sessionExpiry();

        @WithDefault("30")
        int keepAlive();

        @WithDefault("500ms")
        Duration reconnectMinDelay();

        @WithDefault("30s")
        Duration reconnectMaxDelay();
    }

    interface Kafka {
        /** Absent: rules that read or write Kafka cannot start (the bridge says which). */
        Optional<String> bootstrapServers();

        /** Where records and messages a rule cannot carry go, with the reason, unless the rule names its own. */
        @WithDefault("starling-bridge-dead-letter")
        String deadLetterTopic();

        /** Extra Kafka producer settings (quoted keys: {@code producer."linger.ms"=10}); acks and idempotence stay. */
        Map<String, String> producer();

        /** Extra Kafka consumer settings; auto commit stays off. */
        Map<String, String> consumer();

        /** How often the bridge checks that Kafka answers (its rules are DOWN while it does not). */
        @WithDefault("5s")
        Duration checkInterval();
    }

    /** The object store archive rules write to: AWS S3 or any S3-compatible server (MinIO, S3Proxy). */
    interface S3 {
        /** Absent: AWS's own endpoint for the region. */
        Optional<String> endpoint();

        @WithDefault("us-east-1")
        String region();

        /** Absent: the AWS SDK's default credentials chain (environment, profile, instance role). */
        Optional<String> accessKey();

        Optional<String> secretKey();

        /** Path-style addressing (bucket in the path), as S3-compatible servers expect. */
        @WithDefault("true")
        boolean pathStyle();
    }
}
