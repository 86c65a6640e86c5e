package io.starlingmq.bridge.health;

import io.starlingmq.bridge.rule.RuleHealth;
import io.starlingmq.bridge.rule.RuleRunner;
import io.starlingmq.bridge.runtime.BridgeRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when every rule moves messages; each rule's state (and why it is DOWN) is in the answer's data. */
@Readiness
@ApplicationScoped
public class RulesReadiness implements HealthCheck {

    private final BridgeRuntime runtime;

    RulesReadiness(BridgeRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("bridge-rules").up();
        for (RuleRunner runner : runtime.runners()) {
            RuleHealth health = runner.health();
            response.withData(runner.name(), (health.up() ? "UP: " : "DOWN: ") + health.detail());
            if (!health.up()) {
                response.down();
            }
        }
        return response.build();
    }
}
