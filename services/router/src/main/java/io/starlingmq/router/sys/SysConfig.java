package io.starlingmq.router.sys;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The {@code $SYS/brokers/{node}/...} topics this router publishes, under {@code starling.router.sys}. */
@ConfigMapping(prefix = "starling.router.sys")
public interface SysConfig {

    /**
     * This router's name in {@code $SYS} topics. Default: the host name followed by a random suffix drawn at
     * start (unique, but new after every restart: set it, e.g. to the pod name, for a stable name). '/', '+'
     * and '#' are replaced by '_'.
     */
    Optional<String> nodeName();

    /** How often version, uptime, datetime, stats and metrics are published; 0 disables them. */
    @WithDefault("30s")
    Duration interval();

    /** Whether client connected/disconnected events are published. */
    @WithDefault("true")
    boolean clientEvents();

    /**
     * Connections whose facts (username, address, protocol...) this router keeps for their disconnected event.
     * Past it, new connections get no client events at all, so connected and disconnected events stay paired.
     */
    @WithDefault("200000")
    int maxTrackedConnections();
}
