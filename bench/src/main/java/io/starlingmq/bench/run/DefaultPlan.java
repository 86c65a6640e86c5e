package io.starlingmq.bench.run;

import io.starlingmq.bench.load.ClientKind;
import io.starlingmq.bench.load.Rate;
import io.starlingmq.bench.scenario.Scenario;
import java.util.List;

/**
 * The cases a scenario runs when no --qos or --rate is given: what issue #5's targets need
 * (max sustained fan-in at QoS 0 and 1, p99 at 10,000 msg/s QoS 1 fan-in, persistent QoS 1, idle
 * connections, JWT connects, overload into a slow subscriber at QoS 1 and 0) plus one paced look at fan-out
 * and pairs, and issue #14's load without loss at both brokers' defaults (unpaced QoS 0, unpaced QoS 1,
 * paced QoS 1 at 10,000 msg/s with the raw Netty client, and the paced case again with HiveMQ's), and
 * issue 17's latency as idle connections grow (QoS 1 fan-in at 1,000 msg/s).
 */
final class DefaultPlan {

    static final double TARGET_LATENCY_RATE = 10_000;
    /** A light, steady fan-in: what moves its latency is the connections held beside it, not the rate. */
    static final double CONN_LATENCY_RATE = 1_000;

    private DefaultPlan() {
    }

    static List<BenchCase> casesFor(Scenario s) {
        return switch (s.name()) {
            case "fanin" -> List.of(new BenchCase(s, 0, RatePlan.SEARCH), new BenchCase(s, 1, RatePlan.SEARCH),
                    new BenchCase(s, 1, paced(TARGET_LATENCY_RATE)));
            case "fanout" -> List.of(new BenchCase(s, 1, paced(5_000)));
            case "pairs" -> List.of(new BenchCase(s, 1, paced(10_000)));
            case "persistent" -> List.of(new BenchCase(s, 1, RatePlan.SEARCH));
            // QoS 0 has no acknowledgement to withhold: its slow subscriber is the raw client reading slowly, and its
            // publishers are raw clients too, so nothing but the broker holds them back.
            case "overload" -> List.of(new BenchCase(s, 1, RatePlan.MAX),
                    new BenchCase(s, 0, RatePlan.MAX, ClientKind.NETTY, s.defaultMosquittoConfig()));
            case "fanin-load" -> List.of(new BenchCase(s, 0, RatePlan.MAX), new BenchCase(s, 1, RatePlan.MAX),
                    new BenchCase(s, 1, paced(TARGET_LATENCY_RATE)),
                    new BenchCase(s, 1, paced(TARGET_LATENCY_RATE), ClientKind.HIVEMQ, s.defaultMosquittoConfig()));
            case "conn-latency" -> List.of(new BenchCase(s, 1, paced(CONN_LATENCY_RATE)));
            default -> List.of(new BenchCase(s, 0, new RatePlan(false, Rate.UNLIMITED)));
        };
    }

    /**
     * The rate of a case given only --qos: overload and fanin-load publish as fast as the windows allow,
     * conn-latency at its light paced rate, the others search.
     */
    static RatePlan rateFor(Scenario s) {
        if (s.name().equals("conn-latency")) {
            return paced(CONN_LATENCY_RATE);
        }
        return s.name().equals("overload") || s.name().equals("fanin-load") ? RatePlan.MAX : RatePlan.SEARCH;
    }

    private static RatePlan paced(double rate) {
        return new RatePlan(false, Rate.paced(rate));
    }
}
