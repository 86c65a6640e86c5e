package io.starlingmq.store.redis;

import io.starlingmq.store.BanContractTest;
import io.starlingmq.store.SessionStore;
import io.starlingmq.store.StoreLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.time.InstantSource;

/** The contract on one redis-server. */
class RedisBanStoreTest extends BanContractTest {

    private static RedisTestClient client;

    @BeforeAll
    static void connect() {
        client = new RedisTestClient(RedisDeployment.SINGLE);
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
