package io.starlingmq.store.redis;

import io.starlingmq.store.DelayedLimits;
import io.starlingmq.store.DelayedMessages;
import io.starlingmq.store.DelayedMessagesContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract on each Redis form; a peer is a store on its own client, as another router's would be.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(RedisDeployment.class)
class RedisDelayedMessagesTest extends DelayedMessagesContractTest {

    @Parameter
    RedisDeployment deployment;

    @AfterEach
    void closeClients() {
        RedisTestClient.of(deployment).closeDelayedClients();
    }

    @Override
    protected DelayedMessages createStore(DelayedLimits limits) {
        deployment.wipe();
        return RedisTestClient.of(deployment).delayed(limits);
    }

    @Override
    protected DelayedMessages peerOf(DelayedMessages store, DelayedLimits limits) {
        return RedisTestClient.of(deployment).delayed(limits);
    }
}
