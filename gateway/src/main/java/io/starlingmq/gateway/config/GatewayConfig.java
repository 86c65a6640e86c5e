package io.starlingmq.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Everything the gateway can be told, under {@code starling.gateway.*}. */
@ConfigMapping(prefix = "starling.gateway")
public interface GatewayConfig {

    /** Gateway id, unique per process start. Default: hostname plus a short random suffix. */
    Optional<String> id();

    Mqtt mqtt();

    /** Routers as host:port (client ids map to them by rendezvous hashing); ignored when router-dns is set. */
    @WithDefault("localhost:9090")
    List<String> routers();

    /**
     * The routers' DNS name and port ({@code name:port}, e.g. the routers' headless Service): every address the
     * name resolves to is a router, asked again every router-dns-interval, so routers that join or leave are
     * followed. Unset: the fixed {@code routers} list.
     */
    Optional<String> routerDns();

    /** How often the router DNS name is asked again. */
    @WithDefault("5s")
    Duration routerDnsInterval();

    /** Moving connections whose router changed (a router joined, left, died and came back). */
    RouterMoves routerMoves();

    interface RouterMoves {
        /** Connections asked to reconnect per second at most, so a change of routers is a gentle wave. */
        @WithDefault("100")
        int maxRate();

        /** How often the connections are checked against the routers their client ids map to now. */
        @WithDefault("500ms")
        Duration interval();

        /**
         * A connection to move first stops being read until its publishes under way at its old router are
         * answered (so its messages keep their order); past this it is asked to reconnect anyway.
         */
        @WithDefault("5s")
        Duration holdTimeout();
    }

    /**
     * Event loops (threads) serving the MQTT connections and the router links; 0 = half the available
     * processors, at least one. Each hand-over between loops wakes a sleeping thread, which costs more
     * than the work it hands over; at a paced 10,000 msg/s fan-in on 2 cores the gateway used 44 % of a
     * core with 1 loop, 56 % with 2 and 66 % with 4 (bench finding 10). Scale out with more gateways.
     */
    @WithDefault("0")
    int eventLoops();

    /** Largest MQTT packet accepted, in bytes (1 MiB). */
    @WithDefault("1048576")
    int maxPacketSize();

    /** Longest client identifier accepted, in characters. */
    @WithDefault("256")
    int maxClientIdLength();

    /** How long an accepted TCP connection may stay without sending CONNECT. */
    @WithDefault("10s")
    Duration connectTimeout();

    /**
     * Outbound QoS 1/2 window when the client sets no Receive Maximum, and upper bound otherwise. A window
     * carries at most window / round-trip messages a second: 32 held a subscriber that acknowledged at
     * once to ~10,000 msg/s on a busy host, and every burst above that overflowed the queue.
     */
    @WithDefault("1000")
    int maxInflight();

    /** Deliveries queued per connection behind a full window; newer ones are dropped. */
    @WithDefault("1000")
    int maxQueuedDeliveries();

    /** QoS>0 publishes per connection awaiting PublishDone (and QoS 2 ids awaiting PUBCOMP): the announced Receive Maximum. */
    @WithDefault("64")
    int maxPendingPublishes();

    /** How long to wait for the router's SessionOpened. */
    @WithDefault("10s")
    Duration openTimeout();

    /** How a gateway that shuts down lets its clients go. */
    Drain drain();

    /** How a gateway that holds more than its share of the fleet's connections sheds the surplus. */
    Rebalance rebalance();

    /**
     * Most topic levels of a PUBLISH topic or SUBSCRIBE filter (a shared filter without its prefix);
     * 0 = no bound. PUBLISH beyond it: PUBACK/PUBREC 0x90 (QoS 0: DISCONNECT 0x90); filter: SUBACK 0x8F.
     */
    @WithDefault("0")
    int maxTopicLevels();

    /** Most UTF-8 bytes of a PUBLISH topic or SUBSCRIBE filter, answered like max-topic-levels; 0 = no bound. */
    @WithDefault("0")
    int maxTopicLength();

    /** Topic Alias Maximum announced to MQTT 5 clients in CONNACK (inbound aliases); 0 = none. */
    @WithDefault("16")
    int topicAliasMaximum();

    OutboundTopicAliases outboundTopicAliases();

    /**
     * Longest Keep Alive granted, in seconds; 0 = the client's own. An MQTT 5 client asking more (or 0)
     * gets this as Server Keep Alive; a 3.1.1 client keeps its own.
     */
    @WithDefault("0")
    int maxKeepAlive();

    /**
     * Response Information for MQTT 5 clients that request it, e.g. {@code responses/${clientid}};
     * absent = none sent.
     */
    Optional<String> responseInformation();

    /**
     * Client ids starting with this prefix get the publisher's client id with every delivery, as the user
     * property {@code starling-publisher} (MQTT 5 only): the bridge's connections, whose rules key records by
     * publisher. Client ids are bound to credentials, so only whoever holds such a credential sees publishers.
     * Empty = nobody.
     */
    @WithDefault("starling-bridge-")
    String publisherIdentityPrefix();

    Link link();

    /**
     * The drain on shutdown (SIGTERM): listeners close at once (readiness turns DOWN), then the clients are
     * asked to leave evenly over {@code window}, never faster than {@code max-rate} a second, so the rest
     * of the fleet sees a bounded reconnect rate whatever the number of connections.
     */
    interface Drain {
        /** The span over which the clients are asked to leave, evenly. */
        @WithDefault("20s")
        Duration window();

        /** Most clients asked to leave per second; with more connections than window × rate the drain takes longer. */
        @WithDefault("500")
        int maxRate();

        /**
         * From the start of the drain, when whatever is still open is closed at once; keep the pod's grace
         * period above it (plus the few seconds the router links take to flush).
         */
        @WithDefault("40s")
        Duration timeout();

        /**
         * Server Reference for MQTT 5 clients: with one, they get DISCONNECT 0x9C Use another server carrying
         * it; without, 0x8B Server shutting down. 3.1.1 clients are closed either way.
         */
        Optional<String> serverReference();
    }

    /**
     * The rebalance: every gateway learns the fleet's connection counts from the routers (each answers a
     * heartbeat with every linked gateway's); one holding more than its even share by more than the
     * tolerance asks the surplus to leave over the window (DISCONNECT 0x9C Use another server; 3.1.1
     * closed), and its load balancer sends them to the emptier gateways. Connections younger than
     * min-connection-age are never asked, so a client just moved is not moved again.
     */
    interface Rebalance {
        @WithDefault("true")
        boolean enabled();

        /** How long after one round (or the start) the next compares the loads. */
        @WithDefault("30s")
        Duration interval();

        /** How far above the even share a gateway may stay, as a fraction of the share (0.2 = 20 %). */
        @WithDefault("0.2")
        double tolerance();

        /** The span over which one round's surplus is asked to leave, evenly. */
        @WithDefault("10s")
        Duration window();

        /** Most clients asked to leave per second by a round. */
        @WithDefault("50")
        int maxRate();

        /** Connections younger than this are never asked to leave by a rebalance. */
        @WithDefault("2m")
        Duration minConnectionAge();
    }

    interface OutboundTopicAliases {
        /** Whether the gateway replaces topics by aliases towards clients that announce a Topic Alias Maximum. */
        @WithDefault("true")
        boolean enabled();

        /** Most aliases per connection, whatever larger maximum the client announces. */
        @WithDefault("64")
        int maximum();
    }

    interface Mqtt {
        @WithDefault("0.0.0.0")
        String host();

        @WithDefault("1883")
        int port();
    }

    interface Link {
        /** Events waiting to be sent to one router; past it the sending connection is dropped. */
        @WithDefault("10000")
        int queueSize();

        /** Most events carried by one frame. */
        @WithDefault("256")
        int batchSize();

        /** First reconnect delay after a lost stream; doubles up to reconnect-max. */
        @WithDefault("100ms")
        Duration reconnectMin();

        @WithDefault("5s")
        Duration reconnectMax();

        /** How often a Heartbeat goes to every router; keep it well under the routers' gateway-timeout. */
        @WithDefault("2s")
        Duration heartbeatInterval();
    }
}
