package io.starlingmq.store.redis;

import io.starlingmq.store.ClientInfoContractTest;
import io.starlingmq.store.SessionStore;
import io.starlingmq.store.StoreLimits;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.InstantSource;

/** The contract on each Redis form: one server, a Redis Cluster, a Sentinel-managed primary. */
@ParameterizedClass(name = "on {0}")
@EnumSource(RedisDeployment.class)
class RedisClientInfoStoreTest extends ClientInfoContractTest {

    @Parameter
    RedisDeployment deployment;

    @Override
    protected SessionStore createStore(StoreLimits limits, InstantSource clock) {
        return RedisTestClient.of(deployment).store(limits, clock);
    }

    @Override
    protected void wipe() {
        deployment.wipe();
    }
}
