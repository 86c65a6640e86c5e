package io.starlingmq.router.index;

import io.starlingmq.store.Subscription;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionIndexTest {

    private final SubscriptionIndex index = new SubscriptionIndex();

    private void subscribe(String clientId, String filter) {
        index.add(clientId, Subscription.of(filter, 1));
    }

    private boolean matches(String filter, String topic) {
        SubscriptionIndex single = new SubscriptionIndex();
        single.add("c", Subscription.of(filter, 0));
        boolean trie = single.match(topic).bySession().containsKey("c");
        assertThat(TopicFilter.matches(filter, topic)).as("TopicFilter.matches agrees with the trie").isEqualTo(trie);
        return trie;
    }

    @Test
    void exactFilterMatchesOnlyTheSameTopic() {
        assertThat(matches("a/b", "a/b")).isTrue();
        assertThat(matches("a/b", "a/b/c")).isFalse();
        assertThat(matches("a/b", "a")).isFalse();
        assertThat(matches("a/b", "A/b")).isFalse();
    }

    @Test
    void plusMatchesExactlyOneLevelIncludingAnEmptyOne() {
        assertThat(matches("a/+/c", "a/b/c")).isTrue();
        assertThat(matches("a/+/c", "a//c")).isTrue();
        assertThat(matches("a/+", "a/b/c")).isFalse();
        assertThat(matches("a/+", "a")).isFalse();
        assertThat(matches("+", "a")).isTrue();
        assertThat(matches("+/+", "/a")).isTrue();
    }

    @Test
    void hashMatchesAllRemainingLevelsAndTheParentLevel() {
        assertThat(matches("a/#", "a/b")).isTrue();
        assertThat(matches("a/#", "a/b/c/d")).isTrue();
        assertThat(matches("a/#", "a")).isTrue();
        assertThat(matches("a/#", "b/a")).isFalse();
        assertThat(matches("#", "a/b")).isTrue();
        assertThat(matches("a/+/#", "a/b")).isTrue();
    }

    @Test
    void dollarTopicsAreNotMatchedByAWildcardFirstLevel() {
        assertThat(matches("#", "$SYS/broker")).isFalse();
        assertThat(matches("+/broker", "$SYS/broker")).isFalse();
        assertThat(matches("$SYS/#", "$SYS/broker")).isTrue();
        assertThat(matches("$SYS/+", "$SYS/broker")).isTrue();
        assertThat(matches("a/#", "a/$b")).isTrue();
    }

    @Test
    void everyMatchingSubscriptionOfAClientIsAnswered() {
        index.add("c1", Subscription.of("a/+", 0));
        index.add("c1", Subscription.of("a/#", 1));
        index.add("c2", Subscription.of("a/b", 0));

        var matched = index.match("a/b").bySession();

        assertThat(matched).containsOnlyKeys("c1", "c2");
        assertThat(matched.get("c1")).extracting(Subscription::filter).containsExactlyInAnyOrder("a/+", "a/#");
        assertThat(matched.get("c2")).extracting(Subscription::qos).containsExactly(0);
    }

    @Test
    void sharedSubscriptionsMatchPerGroupBesideTheNonSharedOnes() {
        index.add("c1", Subscription.of("$share/g1/a/+", 1));
        index.add("c2", Subscription.of("$share/g1/a/+", 0));
        index.add("c3", Subscription.of("$share/g2/a/+", 1));
        index.add("c1", Subscription.of("a/b", 2));
        index.add("c4", Subscription.of("$share/g1/a/c", 1));

        Matches matched = index.match("a/b");

        assertThat(matched.bySession()).containsOnlyKeys("c1");
        assertThat(matched.sharedGroups()).containsOnlyKeys("$share/g1/a/+", "$share/g2/a/+");
        assertThat(matched.sharedGroups().get("$share/g1/a/+")).extracting(Matches.Member::clientId)
                .containsExactlyInAnyOrder("c1", "c2");
        assertThat(index.members(SharedFilter.parse("$share/g2/a/+"))).extracting(Matches.Member::clientId)
                .containsExactly("c3");
    }

    @Test
    void removingTheLastMemberRemovesTheGroup() {
        index.add("c1", Subscription.of("$share/g/a", 1));

        assertThat(index.remove("c1", "$share/g/a")).isTrue();
        assertThat(index.remove("c1", "$share/g/a")).isFalse();
        assertThat(index.match("a").isEmpty()).isTrue();
        assertThat(index.members(SharedFilter.parse("$share/g/a"))).isEmpty();
        assertThat(index.size()).isZero();
    }

    @Test
    void sharedFilterSyntax() {
        assertThat(SharedFilter.parse("$share/g/a/#")).isEqualTo(new SharedFilter("g", "a/#", "$share/g/a/#"));
        assertThat(SharedFilter.parse("a/b")).isNull();
        assertThat(SharedFilter.parse("$share/g")).isNull();
        assertThat(SharedFilter.parse("$share//a")).isNull();
        assertThat(SharedFilter.parse("$share/g+/a")).isNull();
        assertThat(SharedFilter.parse("$share/g/a/#/b")).isNull();
    }

    @Test
    void subscribingAgainReplacesTheSubscription() {
        index.add("c1", Subscription.of("a", 1));
        index.add("c1", Subscription.of("a", 0));

        assertThat(index.match("a").bySession().get("c1")).extracting(Subscription::qos).containsExactly(0);
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void removedSubscriptionsNoLongerMatchAndRemovalSaysWhetherOneExisted() {
        subscribe("c1", "a/b");
        subscribe("c2", "a/b");

        assertThat(index.remove("c1", "a/b")).isTrue();
        assertThat(index.remove("c1", "a/b")).isFalse();
        assertThat(index.remove("c1", "x/y")).isFalse();
        assertThat(index.match("a/b").bySession()).containsOnlyKeys("c2");
    }

    @Test
    void removeAllDropsEverySubscriptionOfOneClient() {
        subscribe("c1", "a/b");
        subscribe("c1", "#");
        subscribe("c2", "a/+");

        index.removeAll("c1");

        assertThat(index.match("a/b").bySession()).containsOnlyKeys("c2");
        assertThat(index.filtersOf("c1")).isEmpty();
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void validityRulesForFilters() {
        assertThat(TopicFilter.isValid("a/#")).isTrue();
        assertThat(TopicFilter.isValid("+/a/+")).isTrue();
        assertThat(TopicFilter.isValid("#")).isTrue();
        assertThat(TopicFilter.isValid("a/#/b")).isFalse();
        assertThat(TopicFilter.isValid("a#")).isFalse();
        assertThat(TopicFilter.isValid("a/b+")).isFalse();
        assertThat(TopicFilter.isValid("")).isFalse();
    }

    @Test
    void concurrentChangesAndMatchesKeepTheIndexConsistent() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int writer = 0; writer < 2; writer++) {
            int w = writer;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 2000; i++) {
                    index.add("w" + w + "-" + i, Subscription.of("load/" + (i % 10) + "/#", 1));
                    if (i % 2 == 0) {
                        index.remove("w" + w + "-" + i, "load/" + (i % 10) + "/#");
                    }
                }
                return null;
            }));
        }
        for (int reader = 0; reader < 2; reader++) {
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 2000; i++) {
                    index.match("load/" + (i % 10) + "/x");
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : futures) {
            future.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(index.size()).isEqualTo(2000);
        // Odd-numbered subscriptions stay, and every "load/3/#" one is odd: 200 per writer.
        assertThat(index.match("load/3/x").bySession().size()).isEqualTo(400);
    }

    @Test
    void aSessionsSubscriptionsComeBackAsSubscribedSharedOnesWithTheirPrefix() {
        SubscriptionIndex index = new SubscriptionIndex();
        index.add("c1", new Subscription("b/#", 1, true, false, 2, 0));
        index.add("c1", Subscription.of("$share/g/a/+", 2));
        index.add("c2", Subscription.of("b/#", 0));

        assertThat(index.subscriptionsOf("c1")).containsExactly(
                Subscription.of("$share/g/a/+", 2),
                new Subscription("b/#", 1, true, false, 2, 0));
        assertThat(index.subscriptionsOf("nobody")).isEmpty();
    }
}
