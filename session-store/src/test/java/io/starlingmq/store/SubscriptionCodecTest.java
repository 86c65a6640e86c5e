package io.starlingmq.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubscriptionCodecTest {

    @Test
    void everyOptionSurvivesRoundTrip() {
        Subscription subscription = new Subscription("$share/g/a/+/#", 2, true, true, 2, 268_435_455);

        assertThat(SubscriptionCodec.decode(SubscriptionCodec.encode(subscription))).isEqualTo(subscription);
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] encoded = SubscriptionCodec.encode(Subscription.of("a", 1));
        byte[] longer = java.util.Arrays.copyOf(encoded, encoded.length + 1);

        assertThatThrownBy(() -> SubscriptionCodec.decode(longer)).isInstanceOf(IllegalArgumentException.class);
    }
}
