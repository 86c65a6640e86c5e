package io.starlingmq.gateway.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The router a client id maps to is pinned by value: every gateway, of any version, must pick the same
 * router for a client id, so a change of the formula must fail here. The expected indexes were worked out
 * by hand from String.hashCode (fixed by the JLS) and a floor modulo.
 */
class RouterChoiceTest {

    @Test
    void picksTheSameRouterForAClientIdInEveryGateway() {
        // "device-42".hashCode() = 25,160,021; "device-43" = 25,160,022; "sensor/7" = 1,262,113,570.
        assertThat(RouterChoice.indexFor("device-42", 3)).isEqualTo(2);
        assertThat(RouterChoice.indexFor("device-43", 3)).isEqualTo(0);
        assertThat(RouterChoice.indexFor("sensor/7", 3)).isEqualTo(1);
        assertThat(RouterChoice.indexFor("device-42", 5)).isEqualTo(1);
        assertThat(RouterChoice.indexFor("device-43", 5)).isEqualTo(2);
        assertThat(RouterChoice.indexFor("device-42", 1)).isZero();
    }

    @Test
    void aNegativeHashCodeMapsWithAFloorModulo() {
        String negative = "polygenelubricants"; // hashCode is Integer.MIN_VALUE, whose absolute value is itself
        assertThat(negative.hashCode()).isEqualTo(Integer.MIN_VALUE);
        assertThat(RouterChoice.indexFor(negative, 3)).isEqualTo(1);
        assertThat(RouterChoice.indexFor(negative, 5)).isEqualTo(2);
    }
}
