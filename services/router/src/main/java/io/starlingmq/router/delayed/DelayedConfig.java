package io.starlingmq.router.delayed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Delayed publish ({@code $delayed/{seconds}/{topic}}), under {@code starling.router.delayed}. */
@ConfigMapping(prefix = "starling.router.delayed")
public interface DelayedConfig {

    /** When false, {@code $delayed/...} is an ordinary topic name. */
    @WithDefault("true")
    boolean enabled();

    /** Delayed messages the store holds at most, cluster-wide; more are refused with 0x97 Quota exceeded. */
    @WithDefault("100000")
    int maxPending();

    /** How often due delayed messages are taken from the store and published (a message is at most this late). */
    @WithDefault("1s")
    Duration sweep();

    /** Due messages one router claims per store call. */
    @WithDefault("500")
    int batchSize();

    /**
     * How long a claimed message stays reserved for the router that claimed it. A router that dies before
     * publishing leaves it to be published by another router after this; one that takes longer than this to
     * publish a batch may see a message published twice.
     */
    @WithDefault("30s")
    Duration claim();
}
