package io.starlingmq.bench.brokers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    /** The shape Quarkus' Micrometer Prometheus registry serves on /q/metrics. */
    private static final String GATEWAY = """
            # HELP starling_gateway_deliveries_dropped_total Deliveries dropped because a connection's queue was full
            # TYPE starling_gateway_deliveries_dropped_total counter
            starling_gateway_deliveries_dropped_total 1234.0
            # HELP starling_gateway_link_events_dropped_total Events not sent because a router link queue was full
            # TYPE starling_gateway_link_events_dropped_total counter
            starling_gateway_link_events_dropped_total 0.0
            # TYPE starling_gateway_packets_in_total counter
            starling_gateway_packets_in_total{type="PUBLISH"} 5.0E4
            starling_gateway_packets_in_total{type="CONNECT"} 9.0
            starling_gateway_deliveries_dropped_later_total 99.0
            """;

    @Test
    void readsACounterByItsMicrometerNameWithTotalSuffix() {
        assertThat(PrometheusText.counter(GATEWAY, "starling.gateway.deliveries.dropped")).hasValue(1234.0);
        assertThat(PrometheusText.counter(GATEWAY, "starling.gateway.link.events.dropped")).hasValue(0.0);
    }

    @Test
    void sumsTheSamplesOfEveryLabelSetInScientificNotation() {
        assertThat(PrometheusText.counter(GATEWAY, "starling.gateway.packets.in")).hasValue(50_009.0);
    }

    @Test
    void aMeterThatIsAbsentIsEmptyNotZero() {
        assertThat(PrometheusText.counter(GATEWAY, "starling.router.messages.dropped")).isEmpty();
    }

    @Test
    void aNameThatOnlyStartsLikeTheMeterIsNotIt() {
        assertThat(PrometheusText.counter("starling_router_messages_dropped_total_x 5\n", "starling.router.messages.dropped")).isEmpty();
    }

    @Test
    void labelsWithSpacesAndATimestampAfterTheValueAreRead() {
        String text = "starling_router_messages_dropped_total{app=\"router one\",id=\"a}b\"} 7 1700000000000\n";
        assertThat(PrometheusText.counter(text, "starling.router.messages.dropped")).hasValue(7.0);
    }

    @Test
    void aSampleWithoutAValueIsAnError() {
        assertThatThrownBy(() -> PrometheusText.counter("starling_router_messages_dropped_total\n", "starling.router.messages.dropped"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no value");
    }

    @Test
    void countersAreSplitByOneLabelAndSummedOverTheOthers() {
        String text = """
                starling_gateway_deliveries_dropped_total{reason="queue-full",qos="0"} 10.0
                starling_gateway_deliveries_dropped_total{qos="1",reason="queue-full"} 5.0
                starling_gateway_deliveries_dropped_total{reason="window, \\"closed\\""} 2.0
                starling_gateway_deliveries_dropped_total{qos="1"} 1.0
                starling_gateway_link_events_dropped_total{reason="x"} 7.0
                """;
        assertThat(PrometheusText.counterByLabel(text, "starling.gateway.deliveries.dropped", "reason"))
                .containsEntry("queue-full", 15.0).containsEntry("window, \"closed\"", 2.0)
                .containsEntry(PrometheusText.NO_LABEL, 1.0).hasSize(3);
        assertThat(PrometheusText.counter(text, "starling.gateway.deliveries.dropped")).hasValue(18.0);
    }

    @Test
    void aMeterWithoutSamplesHasNoLabelValues() {
        assertThat(PrometheusText.counterByLabel(GATEWAY, "starling.router.messages.dropped", "reason")).isEmpty();
    }
}
