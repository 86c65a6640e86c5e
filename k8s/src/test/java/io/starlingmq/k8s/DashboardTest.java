package io.starlingmq.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Grafana dashboards parse and use only metrics docs/metrics.md names. */
class DashboardTest {

    static Stream<Path> dashboards() {
        return Dashboards.all().stream();
    }

    @Test
    void theGrafanaAddOnHasADashboard() {
        assertThat(Dashboards.all()).extracting(Repo::relative)
                .contains("k8s/components/grafana-dashboard/starling-dashboard.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void everyMetricADashboardUsesIsInTheInventory(Path dashboard) {
        assertThat(Dashboards.faults(dashboard, Dashboards.inventory(Dashboards.INVENTORY))).isEmpty();
    }

    @Test
    void theInventoryNamesTheMetricsOfItsTables() {
        assertThat(Dashboards.inventory(Dashboards.INVENTORY)).contains("starling_gateway_connections",
                "starling_router_delayed_published_total", "starling_store_call_duration_seconds", "jvm_memory_used_bytes");
    }

    @Test
    void metricNamesAreTheIdentifiersThatAreNotFunctionsLabelsOrKeywords() {
        assertThat(Dashboards.metricNames("histogram_quantile(0.99, sum by (le, operation) "
                + "(rate(starling_store_call_duration_seconds_bucket{namespace=~\"$namespace\",le!=\"1e3\"}[$__rate_interval])))"))
                .containsExactly("starling_store_call_duration_seconds_bucket");
        assertThat(Dashboards.metricNames("sum(a_total) / on (pod) group_left b offset 5m and 2e3 * c"))
                .containsExactly("a_total", "b", "c");
    }

    @Test
    void anUnknownMetricAndBrokenJsonFail() {
        Set<String> inventory = Dashboards.inventory(Dashboards.INVENTORY);
        Path unknown = Repo.fixture("broken/grafana-dashboard/unknown-metric.json");
        Path broken = Repo.fixture("broken/grafana-dashboard/not-json.json");

        assertThat(Dashboards.faults(unknown, inventory)).containsExactlyInAnyOrder(
                Repo.relative(unknown) + " panel \"Connections\" A: metric starling_gateway_conections is not in docs/metrics.md",
                Repo.relative(unknown) + " panel \"Latency\" A: metric starling_gateway_auth_seconds_bucket is not in docs/metrics.md",
                Repo.relative(unknown) + " variable namespace: metric starling_gateway_connection is not in docs/metrics.md");
        assertThat(Dashboards.faults(broken, inventory)).singleElement().asString()
                .startsWith(Repo.relative(broken) + ": not JSON: ");
    }
}
