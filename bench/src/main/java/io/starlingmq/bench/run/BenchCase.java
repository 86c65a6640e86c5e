package io.starlingmq.bench.run;

import io.starlingmq.bench.brokers.MosquittoConfig;
import io.starlingmq.bench.load.ClientKind;
import io.starlingmq.bench.scenario.Scenario;

/**
 * One line of the plan: a scenario at a QoS and a rate plan, with a client library and a Mosquitto
 * configuration, run against every target and repeated.
 */
public record BenchCase(Scenario scenario, int qos, RatePlan rate, ClientKind client, MosquittoConfig mosquitto) {

    /** With the scenario's own client and Mosquitto configuration. */
    public BenchCase(Scenario scenario, int qos, RatePlan rate) {
        this(scenario, qos, rate, scenario.defaultClient(), scenario.defaultMosquittoConfig());
    }

    public String label() {
        String base = scenario.hasRate() ? scenario.name() + " QoS " + qos + ", " + rate : scenario.name();
        String clientText = client == ClientKind.NETTY ? ", raw Netty client"
                : client != scenario.defaultClient() ? ", HiveMQ client" : "";
        return base + clientText
                + (mosquitto == MosquittoConfig.DEFAULTS ? ", Mosquitto at its defaults" : "");
    }

    /**
     * A file-name friendly id, e.g. {@code fanin-qos1-search}; the client and Mosquitto's configuration are
     * named only where they differ from the scenario's own, so the ids of the default plan stay as they were.
     */
    public String id() {
        String id = scenario.name();
        if (scenario.hasRate()) {
            String r = rate.search() ? "search" : rate.rate().isPaced() ? Long.toString((long) rate.rate().perSecond()) : "max";
            id += "-qos" + qos + "-" + r;
        }
        if (client != scenario.defaultClient()) {
            id += "-" + client.label();
        }
        if (mosquitto != scenario.defaultMosquittoConfig()) {
            id += "-mosquitto-" + mosquitto.label();
        }
        return id;
    }
}
