package io.starlingmq.router.config;

import io.smallrye.config.ConfigMapping;
import io.starlingmq.router.routing.SharedSubscriptionStrategy;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the routing service, under {@code starling.router}. */
@ConfigMapping(prefix = "starling.router")
public interface RouterConfig {

    enum StoreKind {
        /** One router, state in this process only (the embedded default). */
        MEMORY,
        /** State in Redis at {@code quarkus.redis.hosts}, shared by every router. */
        REDIS
    }

    /** Which session store holds the durable state. */
    @WithDefault("memory")
    StoreKind store();

    /** How the Redis store writes (the client itself is {@code quarkus.redis.*}: hosts, client type, master name). */
    RedisWrites redis();

    interface RedisWrites {
        /**
         * Replicas that must confirm each write before the router counts it as done (Redis WAIT after every
         * write); 0 = do not wait. With 1 on a Redis Cluster or Sentinel with a replica per primary, a failover
         * loses no message whose publisher was acknowledged.
         */
        @WithDefault("0")
        int waitReplicas();

        /** How long a write waits for those replicas; one they did not confirm in time fails (the publisher gets no success). */
        @WithDefault("1s")
        Duration waitTimeout();
    }

    /**
     * On shutdown, how long the router keeps serving while the gateways move its sessions to the other routers
     * (it tells them it is leaving, takes no new session, and stops waiting once no gateway holds one here).
     */
    @WithDefault("30s")
    Duration leaveTimeout();

    /** Messages one session may hold (queued + inflight); the newest are dropped past it. */
    @WithDefault("1000")
    int maxQueuedPerSession();

    /** Upper bound on a session's inflight window, whatever Receive Maximum the client asks. */
    @WithDefault("32")
    int maxInflight();

    /** Larger bounds for the persistent sessions of services (the bridge), chosen by client id prefix. */
    ServiceSessions serviceSessions();

    interface ServiceSessions {
        /** Client ids starting with this are service sessions; empty = none. Keep it the bridge's prefix. */
        @WithDefault("starling-bridge-")
        String clientIdPrefix();

        /** Messages a service session may hold while its service or the service's destination is away. */
        @WithDefault("100000")
        int maxQueued();

        /** A service session's window: what it reads ahead of its destination's acknowledgements. */
        @WithDefault("1000")
        int maxInflight();
    }

    /** Inbound QoS 2 packet ids kept per publisher awaiting PUBREL (persistent sessions); the oldest go past it. */
    @WithDefault("1000")
    int maxReceivedPerSession();

    /**
     * A gateway stream silent this long while the router waits to read it is closed and its sessions
     * count as lost connections (gateways send a heartbeat every 2 s by default).
     */
    @WithDefault("6s")
    Duration gatewayTimeout();

    /** How often offline sessions whose expiry passed are removed. */
    @WithDefault("5s")
    Duration expirySweep();

    /** How often wills whose delay passed are taken from the store and published. */
    @WithDefault("1s")
    Duration willSweep();

    /**
     * Inbound frames of one gateway stream the router asks for ahead; those that arrived while the previous
     * batch was handled are handled together (one store round trip per batch, not per frame). Bounds what a
     * stream may hold in the router: this many frames of the gateway's batch size.
     */
    @WithDefault("16")
    int maxFramesPerBatch();

    /** Most events in one outbound frame. */
    @WithDefault("512")
    int maxEventsPerFrame();

    /**
     * Outbound frames (of max-events-per-frame events) that may wait for one gateway; past it the gateway
     * is too slow and its stream is closed.
     */
    @WithDefault("64")
    int maxPendingFramesPerGateway();

    /**
     * Subscriptions one session may hold; a SUBSCRIBE entry that would add one past it is refused with
     * 0x97 Quota exceeded (subscribing again to a filter it holds is not a new one). 0 = no limit.
     */
    @WithDefault("100")
    int maxSubscriptionsPerSession();

    /** Shared subscriptions ({@code $share/{group}/{filter}}). */
    SharedSubscription sharedSubscription();

    interface SharedSubscription {

        /** How the member of a group that gets a message is chosen: round_robin, random or hash_clientid. */
        @WithDefault("round_robin")
        SharedSubscriptionStrategy strategy();
    }

    /** The banned list. */
    Banned banned();

    interface Banned {

        /**
         * Bans the list may hold; an admin call that would add one past it is refused. Every router keeps the
         * whole list in memory and checks every CONNECT against its patterns and networks.
         */
        @WithDefault("10000")
        int maxEntries();
    }

    /** How long startup waits for the store to connect and the indexes to load. */
    @WithDefault("30s")
    Duration startTimeout();
}
