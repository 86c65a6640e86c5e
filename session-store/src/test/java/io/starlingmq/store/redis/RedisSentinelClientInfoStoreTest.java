package io.starlingmq.store.redis;

import io.starlingmq.store.ClientInfoContractTest;
import io.starlingmq.store.SessionStore;
import io.starlingmq.store.StoreLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.time.InstantSource;

/** The contract on a Sentinel-managed primary with a replica. */
class RedisSentinelClientInfoStoreTest extends ClientInfoContractTest {

    private static RedisTestClient client;

    @BeforeAll
    static void connect() {
        client = new RedisTestClient(RedisDeployment.SENTINEL);
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Override
    protected SessionStore createStore(StoreLimits limits, InstantSource clock) {
        return client.store(limits, clock);
    }

    @Override
    protected void wipe() {
        client.wipe();
    }
}
