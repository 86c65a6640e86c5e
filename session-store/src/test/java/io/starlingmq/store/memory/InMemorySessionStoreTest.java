package io.starlingmq.store.memory;

import io.starlingmq.store.SessionStore;
import io.starlingmq.store.SessionStoreContractTest;
import io.starlingmq.store.StoreLimits;
import java.time.InstantSource;

class InMemorySessionStoreTest extends SessionStoreContractTest {

    private InMemoryBackend backend;

    @Override
    protected SessionStore createStore(StoreLimits limits, InstantSource clock) {
        return new InMemorySessionStore(backend, limits);
    }

    @Override
    protected void wipe() {
        backend = new InMemoryBackend(clock, InMemoryBackend.DEFAULT_CHANGE_LOG_CAPACITY);
    }
}
