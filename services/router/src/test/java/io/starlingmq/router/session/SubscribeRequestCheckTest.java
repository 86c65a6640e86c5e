package io.starlingmq.router.session;

import io.starlingmq.contract.link.v1.SubscriptionRequest;
import io.starlingmq.contract.reason.SubackReason;
import io.starlingmq.store.Subscription;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SubscribeRequestCheckTest {

    private static SubscriptionRequest request(String filter, int qos) {
        return SubscriptionRequest.newBuilder().setFilter(filter).setQos(qos).build();
    }

    /** The SUBACK codes as they go on the wire. */
    private static List<Integer> codes(SubscribeRequestCheck check) {
        return check.reasons().stream().map(SubackReason::code).toList();
    }

    @Test
    void optionsOfTheRequestAreStoredWithTheSubscription() {
        SubscriptionRequest wanted = request("a/+", 2).toBuilder().setNoLocal(true).setRetainAsPublished(true)
                .setRetainHandling(2).setSubscriptionIdentifier(42).build();

        SubscribeRequestCheck check = SubscribeRequestCheck.of(List.of(wanted), Set.of(), 100);

        assertThat(codes(check)).containsExactly(2);
        assertThat(check.accepted()).containsExactly(new Subscription("a/+", 2, true, true, 2, 42));
    }

    @Test
    void malformedFiltersSharedOnesIncludedGetTopicFilterInvalid() {
        SubscribeRequestCheck check = SubscribeRequestCheck.of(List.of(request("a/#/b", 1), request("$share/g", 1),
                request("$share//a", 1), request("$share/g/a/#", 1)), Set.of(), 0);

        assertThat(codes(check)).containsExactly(0x8F, 0x8F, 0x8F, 1);
        assertThat(check.accepted()).extracting(Subscription::filter).containsExactly("$share/g/a/#");
    }

    @Test
    void entriesPastTheQuotaGetQuotaExceededWhileFiltersAlreadyHeldAreNotNew() {
        SubscribeRequestCheck check = SubscribeRequestCheck.of(List.of(request("new/1", 1), request("new/2", 1),
                request("held", 0), request("new/1", 2)), Set.of("held", "other"), 3);

        assertThat(codes(check)).containsExactly(1, 0x97, 0, 2);
        assertThat(check.accepted()).extracting(Subscription::filter).containsExactly("new/1", "held", "new/1");
    }

    @Test
    void zeroMeansNoQuota() {
        SubscribeRequestCheck check = SubscribeRequestCheck.of(List.of(request("x", 1)), Set.of("a", "b", "c"), 0);

        assertThat(codes(check)).containsExactly(1);
    }

    @Test
    void grantedQosIsAtMostTwo() {
        assertThat(codes(SubscribeRequestCheck.of(List.of(request("x", 3)), Set.of(), 0))).containsExactly(2);
    }
}
