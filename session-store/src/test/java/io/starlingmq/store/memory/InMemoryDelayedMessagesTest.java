package io.starlingmq.store.memory;

import io.starlingmq.store.DelayedLimits;
import io.starlingmq.store.DelayedMessages;
import io.starlingmq.store.DelayedMessagesContractTest;

class InMemoryDelayedMessagesTest extends DelayedMessagesContractTest {

    @Override
    protected DelayedMessages createStore(DelayedLimits limits) {
        return new InMemoryDelayedMessages(limits);
    }

    /** In memory, routers share the one instance. */
    @Override
    protected DelayedMessages peerOf(DelayedMessages store, DelayedLimits limits) {
        return store;
    }
}
