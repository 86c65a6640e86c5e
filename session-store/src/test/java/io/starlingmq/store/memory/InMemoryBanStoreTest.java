package io.starlingmq.store.memory;

import io.starlingmq.store.SessionStore;
import io.starlingmq.store.StoreLimits;
import io.starlingmq.store.BanContractTest;
import java.time.InstantSource;

class InMemoryBanStoreTest extends BanContractTest {

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
