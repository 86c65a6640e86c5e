package io.starlingmq.bench.scenario;

/**
 * Sizes of the scenarios.
 *
 * @param publishers fan-in publishers (default 8)
 * @param subscribers fan-out subscribers (default 8)
 * @param pairs publisher/subscriber pairs (default 8)
 * @param backlog messages per persistent subscriber published while it is offline (default 500, half
 *        of both brokers' per-session queue bound of 1000)
 * @param connections idle connections of {@code conn} (default 10,000)
 * @param sourceAddresses 127.0.0.x source addresses the connections spread over (default 4)
 * @param subscriberAcksPerSecond overload: how many messages per second the slow subscriber acknowledges (default 1,000)
 * @param loadPublishers fanin-load publishers (default 4, as in issue #14; {@code --publishers} sets both)
 * @param connectWindow conn: CONNECTs awaiting their CONNACK at once (default 100): enough that the broker,
 *        not the round trip, sets the connect rate, and no more than mosquitto's listen backlog (100) takes, so
 *        that no figure includes the 1 s retry of a SYN dropped at a full accept queue
 */
public record ScenarioParams(int publishers, int subscribers, int pairs, int backlog, int connections, int sourceAddresses,
        int subscriberAcksPerSecond, int loadPublishers, int connectWindow) {

    public static final ScenarioParams DEFAULTS = new ScenarioParams(8, 8, 8, 500, 10_000, 4, 1_000, 4, 100);

    public ScenarioParams withConnections(int newConnections) {
        return new ScenarioParams(publishers, subscribers, pairs, backlog, newConnections, sourceAddresses, subscriberAcksPerSecond,
                loadPublishers, connectWindow);
    }
}
