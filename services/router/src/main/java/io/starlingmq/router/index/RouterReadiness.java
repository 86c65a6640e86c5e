package io.starlingmq.router.index;

import jakarta.enterprise.context.ApplicationScoped;

/** Whether the session store is started and the indexes are loaded from it. */
@ApplicationScoped
public class RouterReadiness {

    private volatile boolean ready;

    /** Start-up calls it once, when the indexes are loaded from the store. */
    public void ready() {
        ready = true;
    }

    public boolean isReady() {
        return ready;
    }
}
