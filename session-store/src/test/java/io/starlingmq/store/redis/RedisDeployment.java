package io.starlingmq.store.redis;

import io.starlingmq.testing.TestRedis;
import io.starlingmq.testing.TestRedisCluster;
import io.starlingmq.testing.TestRedisSentinel;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.RedisRole;

import java.time.Duration;

/** The Redis forms the store runs on, each a real local one shared by the JVM's tests. */
enum RedisDeployment {
    /** One redis-server. */
    SINGLE {
        @Override
        RedisOptions options() {
            return new RedisOptions().setConnectionString(TestRedis.shared().uri());
        }

        @Override
        void wipe() {
            TestRedis.shared().flushAll();
        }
    },
    /** Three masters with a replica each; writes wait for one replica, as a deployment that loses nothing runs. */
    CLUSTER {
        @Override
        RedisOptions options() {
            RedisOptions options = new RedisOptions().setType(RedisClientType.CLUSTER);
            for (String host : TestRedisCluster.shared().hosts().split(",")) {
                options.addConnectionString(host);
            }
            return options;
        }

        @Override
        void wipe() {
            TestRedisCluster.shared().flushAll();
        }

        @Override
        RedisReplicaWait replicaWait() {
            return new RedisReplicaWait(1, Duration.ofSeconds(2));
        }
    },
    /** A primary and a replica watched by three Sentinels; the client asks a Sentinel for the primary. */
    SENTINEL {
        @Override
        RedisOptions options() {
            RedisOptions options = new RedisOptions().setType(RedisClientType.SENTINEL)
                    .setMasterName(TestRedisSentinel.shared().masterName()).setRole(RedisRole.MASTER);
            for (String host : TestRedisSentinel.shared().hosts().split(",")) {
                options.addConnectionString(host);
            }
            return options;
        }

        @Override
        void wipe() {
            TestRedisSentinel.shared().flushAll();
        }
    };

    abstract RedisOptions options();

    abstract void wipe();

    RedisReplicaWait replicaWait() {
        return RedisReplicaWait.NONE;
    }
}
