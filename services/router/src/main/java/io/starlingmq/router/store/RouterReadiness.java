package io.starlingmq.router.store;

import jakarta.enterprise.context.ApplicationScoped;

/** Whether the session store is started and the indexes are loaded from it. */
@ApplicationScoped
public class RouterReadiness {

    private volatile boolean ready;

    void ready() {
        ready = true;
    }

    public boolean isReady() {
        return ready;
    }
}
