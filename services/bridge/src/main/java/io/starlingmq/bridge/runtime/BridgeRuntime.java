package io.starlingmq.bridge.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import io.starlingmq.bridge.config.BridgeConfig;
import io.starlingmq.bridge.rule.RuleDefinitionException;
import io.starlingmq.bridge.rule.RuleKind;
import io.starlingmq.bridge.rule.RuleProperties;
import io.starlingmq.bridge.rule.RuleRunner;
import io.starlingmq.bridge.rule.RuleSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Reads the rules at start, builds every enabled one (a wrong rule stops the bridge from starting, naming
 * the rule and the key), starts them, and stops them on shutdown: each finishes what is in flight, bounded.
 */
@ApplicationScoped
public class BridgeRuntime {

    private static final Logger LOG = Logger.getLogger(BridgeRuntime.class);

    private final BridgeConfig config;
    private final MeterRegistry registry;
    private final Config rawConfig;
    private final Map<RuleKind, RuleAssembly> assemblies = new EnumMap<>(RuleKind.class);
    private final List<RuleRunner> runners = new ArrayList<>();
    private BridgeContext context;

    BridgeRuntime(BridgeConfig config, MeterRegistry registry, Config rawConfig) {
        this.config = config;
        this.registry = registry;
        this.rawConfig = rawConfig;
        assemblies.put(RuleKind.MQTT_TO_KAFKA, new MqttToKafkaAssembly());
        assemblies.put(RuleKind.KAFKA_TO_MQTT, new KafkaToMqttAssembly());
        assemblies.put(RuleKind.MQTT_TO_S3, new ArchiveAssembly());
        assemblies.put(RuleKind.MQTT_TO_WEBHOOK, new MqttToWebhookAssembly());
        assemblies.put(RuleKind.MQTT_TO_MQTT, new MqttToMqttAssembly());
        assemblies.put(RuleKind.MQTT_FROM_MQTT, new MqttFromMqttAssembly());
    }

    void onStart(@Observes StartupEvent event) {
        context = new BridgeContext(config, registry);
        Map<String, RuleProperties> rules = RuleSource.read(rawConfig.unwrap(SmallRyeConfig.class));
        for (RuleProperties properties : rules.values()) {
            if (!properties.enabled()) {
                LOG.infof("rule %s is disabled", properties.name());
                continue;
            }
            RuleKind kind = properties.kind();
            RuleAssembly assembly = assemblies.get(kind);
            if (assembly == null) {
                throw new RuleDefinitionException(properties.name(), "kind", kind.wireName()
                        + " rules are not available in this build");
            }
            runners.add(assembly.assemble(properties, context));
        }
        for (RuleRunner runner : runners) {
            LOG.infof("rule %s (%s): %s", runner.name(), runner.kind().wireName(), runner.route());
            runner.start();
        }
        if (runners.isEmpty()) {
            LOG.warn("no bridge rules are configured (starling.bridge.rules.<name>.kind=...)");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        runners.parallelStream().forEach(RuleRunner::stop);
        if (context != null) {
            context.close();
        }
    }

    public List<RuleRunner> runners() {
        return List.copyOf(runners);
    }
}
