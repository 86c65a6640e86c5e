package io.starlingmq.store.redis;

import io.starlingmq.store.DelayedLimits;
import io.starlingmq.store.DelayedMessages;
import io.starlingmq.store.DelayedMessagesContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract on a Redis Cluster (three masters, a replica each, writes waiting for a replica); a peer is a store on its own client, as another router's would be. */
class RedisClusterDelayedMessagesTest extends DelayedMessagesContractTest {

    private static RedisTestClient client;

    @BeforeAll
    static void connect() {
        client = new RedisTestClient(RedisDeployment.CLUSTER);
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Override
    protected DelayedMessages createStore(DelayedLimits limits) {
        client.wipe();
        return client.delayed(limits);
    }

    @Override
    protected DelayedMessages peerOf(DelayedMessages store, DelayedLimits limits) {
        return client.delayed(limits);
    }
}
