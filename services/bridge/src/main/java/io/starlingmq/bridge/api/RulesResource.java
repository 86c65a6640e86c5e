package io.starlingmq.bridge.api;

import io.starlingmq.bridge.rule.RuleHealth;
import io.starlingmq.bridge.rule.RuleRunner;
import io.starlingmq.bridge.runtime.BridgeRuntime;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The rules this bridge runs, with their routes and states: what an operator or ops lists. */
@Path("/api/v1/rules")
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {

    private final BridgeRuntime runtime;

    RulesResource(BridgeRuntime runtime) {
        this.runtime = runtime;
    }

    @GET
    public List<RuleView> list() {
        return runtime.runners().stream().map(RulesResource::view).toList();
    }

    private static RuleView view(RuleRunner runner) {
        RuleHealth health = runner.health();
        return new RuleView(runner.name(), runner.kind().wireName(), runner.route(), health.up() ? "up" : "down",
                health.detail());
    }

    /** One rule as listed. */
    public record RuleView(String name, String kind, String route, String status, String detail) {
    }
}
