package io.starlingmq.router.session;

import io.starlingmq.contract.link.v1.SubscriptionRequest;
import io.starlingmq.contract.reason.SubackReason;
import io.starlingmq.router.index.SharedFilter;
import io.starlingmq.router.index.TopicFilter;
import io.starlingmq.store.Subscription;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides, per entry of a SUBSCRIBE, the SUBACK reason code and the subscription to store: filter syntax
 * (shared ones included), granted QoS, and the session's subscription quota.
 *
 * @param reasons  one per requested entry, in order
 * @param accepted the subscriptions to store, in order
 */
record SubscribeRequestCheck(List<SubackReason> reasons, List<Subscription> accepted) {

    private static final int MAX_GRANTED_QOS = 2;

    /**
     * @param existing         the session's filters now
     * @param maxSubscriptions the quota (0 = none): a filter the session does not hold yet is refused past it
     */
    static SubscribeRequestCheck of(List<SubscriptionRequest> requests, Set<String> existing, int maxSubscriptions) {
        List<SubackReason> reasons = new ArrayList<>(requests.size());
        List<Subscription> accepted = new ArrayList<>(requests.size());
        Set<String> held = new HashSet<>(existing);
        for (SubscriptionRequest wanted : requests) {
            String filter = wanted.getFilter();
            if (!isValid(filter)) {
                reasons.add(SubackReason.TOPIC_FILTER_INVALID);
                continue;
            }
            if (!held.contains(filter) && maxSubscriptions > 0 && held.size() >= maxSubscriptions) {
                reasons.add(SubackReason.QUOTA_EXCEEDED);
                continue;
            }
            held.add(filter);
            int granted = Math.min(wanted.getQos(), MAX_GRANTED_QOS);
            reasons.add(SubackReason.granted(granted));
            accepted.add(new Subscription(filter, granted, wanted.getNoLocal(), wanted.getRetainAsPublished(),
                    wanted.getRetainHandling(), wanted.getSubscriptionIdentifier()));
        }
        return new SubscribeRequestCheck(List.copyOf(reasons), List.copyOf(accepted));
    }

    static boolean isShared(Subscription subscription) {
        return SharedFilter.isShared(subscription.filter());
    }

    private static boolean isValid(String filter) {
        return SharedFilter.isShared(filter) ? SharedFilter.parse(filter) != null : TopicFilter.isValid(filter);
    }
}
