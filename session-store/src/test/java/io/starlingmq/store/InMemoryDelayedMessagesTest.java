package io.starlingmq.store;

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
