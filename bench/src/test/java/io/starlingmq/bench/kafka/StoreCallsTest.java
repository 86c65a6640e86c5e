package io.starlingmq.bench.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StoreCallsTest {

    private static String router(long fast, long slow, long count, double sum) {
        return """
                # TYPE starling_store_call_duration_seconds histogram
                starling_store_call_duration_seconds_bucket{operation="ackAll",outcome="ok",store="redis",le="5.0E-4"} %d.0
                starling_store_call_duration_seconds_bucket{operation="ackAll",outcome="ok",store="redis",le="0.001"} %d.0
                starling_store_call_duration_seconds_bucket{operation="ackAll",outcome="ok",store="redis",le="+Inf"} %d.0
                starling_store_call_duration_seconds_count{operation="ackAll",outcome="ok",store="redis"} %d.0
                starling_store_call_duration_seconds_sum{operation="ackAll",outcome="ok",store="redis"} %s
                starling_store_call_duration_seconds_max{operation="ackAll",outcome="ok",store="redis"} 0.07
                starling_store_call_duration_seconds_count{operation="ackAll",outcome="error",store="redis"} 1.0
                starling_store_call_duration_seconds_count{operation="open",outcome="ok",store="redis"} 3.0
                starling_router_messages_dropped_total 0.0
                """.formatted(fast, slow, count, count, Double.toString(sum));
    }

    @Test
    void sumsOutcomesPerOperation() {
        StoreCalls calls = StoreCalls.parse(router(10, 20, 20, 0.01));
        assertThat(calls.byOperation()).containsOnlyKeys("ackAll", "open");
        assertThat(calls.byOperation().get("ackAll").count()).isEqualTo(21);
        assertThat(calls.byOperation().get("open").count()).isEqualTo(3);
    }

    @Test
    void aStepIsTheDifferenceOfTwoReadingsWithItsBucketBounds() {
        StoreCalls before = StoreCalls.parse(router(10, 20, 20, 0.01));
        StoreCalls after = StoreCalls.parse(router(110, 200, 220, 0.21));
        StoreCalls step = after.minus(before);
        // open did not change: left out.
        assertThat(step.byOperation()).containsOnlyKeys("ackAll");
        StoreCalls.Timer ackAll = step.byOperation().get("ackAll");
        assertThat(ackAll.count()).isEqualTo(200);
        assertThat(ackAll.meanMillis()).isCloseTo(1.0, within(1e-9));
        // 100 of 200 within 0.5 ms, 180 within 1 ms, the rest above.
        assertThat(ackAll.upperBoundMillis(0.5)).isEqualTo(0.5);
        assertThat(ackAll.upperBoundMillis(0.9)).isEqualTo(1.0);
        assertThat(ackAll.upperBoundMillis(0.99)).isInfinite();
    }
}
