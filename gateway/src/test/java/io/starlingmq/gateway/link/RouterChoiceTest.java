package io.starlingmq.gateway.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouterChoiceTest {

    @Test
    void picksTheSameRouterForAClientIdEveryTime() {
        // "device-42".hashCode() is fixed by the JLS, so this holds in every gateway process.
        int expected = Math.floorMod("device-42".hashCode(), 3);
        assertThat(RouterChoice.indexFor("device-42", 3)).isEqualTo(expected);
    }

    @Test
    void staysInRangeForNegativeHashCodes() {
        String negative = "polygenelubricants"; // hashCode is Integer.MIN_VALUE
        assertThat(negative.hashCode()).isNegative();
        assertThat(RouterChoice.indexFor(negative, 3)).isBetween(0, 2);
    }
}
