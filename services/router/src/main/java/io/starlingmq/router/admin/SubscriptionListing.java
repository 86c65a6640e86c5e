package io.starlingmq.router.admin;

import io.starlingmq.contract.admin.v1.ClientSubscription;
import io.starlingmq.contract.admin.v1.ListSubscriptionsReply;
import io.starlingmq.contract.admin.v1.ListSubscriptionsRequest;
import io.starlingmq.contract.admin.v1.ListTopicsReply;
import io.starlingmq.contract.admin.v1.ListTopicsRequest;
import io.starlingmq.contract.admin.v1.ListedSubscription;
import io.starlingmq.contract.admin.v1.TopicRoute;
import io.starlingmq.router.index.SharedFilter;
import io.starlingmq.router.index.SubscriptionIndex;
import io.starlingmq.router.index.TopicFilter;
import io.starlingmq.store.Subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Answers ListSubscriptions and ListTopics from the subscription index, a page at a time. */
final class SubscriptionListing {

    private SubscriptionListing() {
    }

    static ListSubscriptionsReply subscriptions(ListSubscriptionsRequest request, SubscriptionIndex index) {
        int limit = limit(request.getLimit());
        List<Predicate<SubscriptionIndex.Listed>> tests = new ArrayList<>();
        // the cursor: from this client on, of it only the filters after this one
        String from = request.getAfterClientId().isEmpty() ? null : request.getAfterClientId();
        String afterFilter = from == null ? null : request.getAfterFilter();
        if (!request.getClientId().isEmpty()) {
            String clientId = request.getClientId();
            tests.add(listed -> listed.clientId().equals(clientId));
            if (from == null || from.compareTo(clientId) < 0) {
                // start at the client: the walk need not pass every client before it
                from = clientId;
                afterFilter = null;
            }
        }
        if (!request.getTopic().isEmpty()) {
            String topic = request.getTopic();
            tests.add(listed -> listed.subscription().filter().equals(topic));
        }
        if (request.hasQos()) {
            int qos = request.getQos();
            tests.add(listed -> listed.subscription().qos() == qos);
        }
        if (!request.getShareGroup().isEmpty()) {
            String group = request.getShareGroup();
            tests.add(listed -> {
                SharedFilter shared = SharedFilter.parse(listed.subscription().filter());
                return shared != null && shared.group().equals(group);
            });
        }
        if (!request.getMatchTopic().isEmpty()) {
            String topic = request.getMatchTopic();
            // as EMQX: the subscription's filter, read as a topic, falls under the filter asked for
            tests.add(listed -> TopicFilter.matches(topic, topicFilterOf(listed.subscription())));
        }
        Predicate<SubscriptionIndex.Listed> filter = listed -> tests.stream().allMatch(test -> test.test(listed));
        SubscriptionIndex.ListedPage page = index.subscriptions(from, afterFilter, request.getSkip(), limit, filter);
        ListSubscriptionsReply.Builder reply = ListSubscriptionsReply.newBuilder().setHasNext(page.hasNext())
                .setTotal(tests.isEmpty() ? index.size() : -1);
        for (SubscriptionIndex.Listed listed : page.subscriptions()) {
            reply.addSubscriptions(ListedSubscription.newBuilder().setClientId(listed.clientId())
                    .setSubscription(subscription(listed.subscription())));
        }
        return reply.build();
    }

    static ListTopicsReply topics(ListTopicsRequest request, SubscriptionIndex index) {
        String topic = request.getTopic();
        SubscriptionIndex.RoutePage page = index.routes(request.getAfter().isEmpty() ? null : request.getAfter(),
                request.getSkip(), limit(request.getLimit()), filter -> topic.isEmpty() || filter.equals(topic));
        ListTopicsReply.Builder reply = ListTopicsReply.newBuilder().setHasNext(page.hasNext())
                .setTotal(topic.isEmpty() ? index.routeCount() : -1);
        for (SubscriptionIndex.Route route : page.routes()) {
            reply.addTopics(TopicRoute.newBuilder().setTopic(route.topicFilter()).setSessions(route.sessions()));
        }
        return reply.build();
    }

    static ClientSubscription subscription(Subscription s) {
        return ClientSubscription.newBuilder().setFilter(s.filter()).setQos(s.qos()).setNoLocal(s.noLocal())
                .setRetainAsPublished(s.retainAsPublished()).setRetainHandling(s.retainHandling()).build();
    }

    private static String topicFilterOf(Subscription subscription) {
        SharedFilter shared = SharedFilter.parse(subscription.filter());
        return shared == null ? subscription.filter() : shared.filter();
    }

    private static int limit(int requested) {
        return requested == 0 ? 100 : Math.min(requested, ClientListing.MAX_LIMIT);
    }
}
