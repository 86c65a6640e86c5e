package io.starlingmq.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The routers are configured for the Redis the suite runs, and that Redis is whole for its form. */
class RedisFormTest {

    static Stream<Path> suites() {
        return Repo.suites().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void theRoutersUseTheRedisTheSuiteRuns(Path suite) {
        assertThat(RedisForm.faults(Suite.of(suite))).isEmpty();
    }

    @Test
    void eachFormIsFoundWhereItIsMeant() {
        assertThat(RedisForm.of(Suite.of(Repo.K8S.resolve("overlays/prod"))).kind).isEqualTo(RedisForm.Kind.STANDALONE);
        assertThat(RedisForm.of(Suite.of(Repo.K8S.resolve("components/redis-cluster"))).kind)
                .isEqualTo(RedisForm.Kind.CLUSTER);
        assertThat(RedisForm.of(Suite.of(Repo.K8S.resolve("components/redis-sentinel"))).kind)
                .isEqualTo(RedisForm.Kind.SENTINEL);
    }

    @Test
    void aClusterTheRoutersAreNotSetUpForAndThatIsNotWholeFails() {
        String router = "StatefulSet starling/router container router: ";
        assertThat(RedisForm.faults(Suite.ofFile(Repo.fixture("broken/redis-forms/cluster.yaml")))).containsExactlyInAnyOrder(
                "StatefulSet starling/redis-single: runs a standalone Redis beside the cluster of StatefulSet starling/redis;"
                        + " the single Redis must go (or become the cluster)",
                "StatefulSet starling/redis: serviceName redis is no headless Service selecting its pods, so the names"
                        + " redis-N.redis the Redis pods and the routers use do not resolve",
                "StatefulSet starling/redis: does not keep its pods on separate nodes (a required pod anti-affinity on"
                        + " kubernetes.io/hostname selecting them), so one node's loss could take a primary together with its"
                        + " replica",
                "PodDisruptionBudget starling/redis: lets 2 pods of StatefulSet starling/redis be down at once, which could"
                        + " be a primary together with its replica; at most 1 (maxUnavailable: 1)",
                "Job starling/redis-cluster-create container create: REDIS_CLUSTER_NODES names redis-0.redis:6379,"
                        + "redis-1.redis:6379,redis-2.redis:6379,redis-3.redis:6379,redis-4.redis:6379, but StatefulSet"
                        + " starling/redis runs 6 pods, so it must name redis-0.redis:6379,redis-1.redis:6379,"
                        + "redis-2.redis:6379,redis-3.redis:6379,redis-4.redis:6379,redis-5.redis:6379",
                router + "quarkus.redis.client-type is standalone, but the suite's Redis is a Redis Cluster, so it must be"
                        + " cluster",
                // redis-2 by its full name is the same pod; redis-5 is missing and redis-6 does not run.
                router + "quarkus.redis.hosts is redis://redis-0.redis:6379,redis://redis-1.redis:6379,"
                        + "redis://redis-2.redis.starling.svc.cluster.local:6379,redis://redis-3.redis:6379,"
                        + "redis://redis-4.redis:6379,redis://redis-6.redis:6379, but StatefulSet starling/redis runs 6"
                        + " cluster nodes, so it must name redis://redis-0.redis:6379,redis://redis-1.redis:6379,"
                        + "redis://redis-2.redis:6379,redis://redis-3.redis:6379,redis://redis-4.redis:6379,"
                        + "redis://redis-5.redis:6379",
                router + "starling.router.redis.wait-replicas is 2, but each primary has 1 replica, so no write would ever"
                        + " complete");
    }

    @Test
    void aSentinelGroupTheRoutersAreNotSetUpForAndThatIsNotWholeFails() {
        String router = "StatefulSet starling/router container router: ";
        String sentinel = "StatefulSet starling/redis-sentinel";
        assertThat(RedisForm.faults(Suite.ofFile(Repo.fixture("broken/redis-forms/sentinel.yaml")))).containsExactlyInAnyOrder(
                "StatefulSet starling/redis: runs 1 Redis server for the Sentinels, which fail over to a replica: it needs a"
                        + " primary and replicas (a StatefulSet of at least 2)",
                sentinel + ": runs 2 Sentinels, but a failover needs a majority of them, so that one's loss still leaves"
                        + " one: at least 3, in a StatefulSet",
                sentinel + " container sentinel: quorum 1 of 2 Sentinels: fewer than a majority, so a minority's view alone"
                        + " would mark the primary down; use 2",
                sentinel + ": no PodDisruptionBudget covers its pods, so a drain could take two Sentinels' votes at once",
                sentinel + " container sentinel: REDIS_SERVERS names redis-0.redis:6379,redis-1.redis:6379, but"
                        + " StatefulSet starling/redis runs 1 pod, so it must name redis-0.redis:6379",
                router + "quarkus.redis.hosts is redis://redis-0.redis:6379, but StatefulSet starling/redis-sentinel runs 2"
                        + " Sentinels, so it must name redis://redis-sentinel-0.redis-sentinel:26379,"
                        + "redis://redis-sentinel-1.redis-sentinel:26379",
                router + "starling.router.redis.wait-replicas is 0 on a Sentinel-managed Redis: a write its primary"
                        + " acknowledged but no replica had yet is lost when that primary fails; set 1",
                router + "quarkus.redis.master-name is mymaster, but the Sentinels of StatefulSet starling/redis-sentinel"
                        + " monitor the primary as starling",
                router + "quarkus.redis.role is replica, but the routers write, so it must be master");
    }

    @Test
    void aSingleRedisTheRoutersAreNotSetUpForFails() {
        String router = "StatefulSet starling/router container router: ";
        // redis://redis:6379 is fine: the headless Service redis selects the server and reaches its 6379.
        assertThat(RedisForm.faults(Suite.ofFile(Repo.fixture("broken/redis-forms/standalone.yaml")))).containsExactlyInAnyOrder(
                "StatefulSet starling/redis: runs 2 standalone Redis servers, which do not replicate each other: each would"
                        + " be a store of its own",
                router + "quarkus.redis.hosts names redis-master:6379, which is neither a Service of StatefulSet"
                        + " starling/redis on a port reaching its 6379 nor one of its pods",
                router + "starling.router.redis.wait-replicas is 1, but a single Redis has no replica to confirm a write, so"
                        + " every write would fail after starling.router.redis.wait-timeout; set 0");
    }
}
