package io.starlingmq.bridge.kafka;

import io.starlingmq.bridge.rule.RuleHealth;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Whether Kafka answers, asked every few seconds: a rule that writes to or reads from Kafka is DOWN while it
 * does not, even when no message is moving (an idle rule would otherwise look healthy).
 */
public final class KafkaReachability implements AutoCloseable {

    private final Admin admin;
    private final ScheduledExecutorService checks;
    private final Duration timeout;
    private volatile RuleHealth state = RuleHealth.down("kafka: not checked yet");

    public KafkaReachability(String bootstrapServers, Duration interval) {
        this.timeout = interval.compareTo(Duration.ofSeconds(3)) < 0 ? interval : Duration.ofSeconds(3);
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "starling-bridge-health",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()));
        this.checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bridge-kafka-check");
            thread.setDaemon(true);
            return thread;
        });
        checks.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS).size();
            state = RuleHealth.up("kafka: " + brokers + " broker(s)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            state = RuleHealth.down("kafka: unreachable (" + e.getClass().getSimpleName() + ")");
        }
    }

    public RuleHealth health() {
        return state;
    }

    @Override
    public void close() {
        checks.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}
