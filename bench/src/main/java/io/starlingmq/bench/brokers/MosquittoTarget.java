package io.starlingmq.bench.brokers;

import io.starlingmq.bench.client.Endpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Mosquitto target: one mosquitto process for each configuration the plan's cases ask for, side by side
 * on their own ports (an idle mosquitto costs nothing measurable). Each case runs against its own.
 */
public final class MosquittoTarget implements BrokerTarget {

    private final Map<MosquittoConfig, MosquittoBroker> brokers = new EnumMap<>(MosquittoConfig.class);

    public static MosquittoTarget start(Path workDir, Set<MosquittoConfig> configs) throws IOException, InterruptedException {
        MosquittoTarget target = new MosquittoTarget();
        try {
            for (MosquittoConfig config : configs) {
                target.brokers.put(config, MosquittoBroker.start(workDir, config));
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            target.close();
            throw e;
        }
        if (target.brokers.isEmpty()) {
            throw new IllegalArgumentException("no Mosquitto configuration asked for");
        }
        return target;
    }

    @Override
    public BrokerTarget configuredFor(MosquittoConfig config) {
        MosquittoBroker broker = brokers.get(config);
        if (broker == null) {
            throw new IllegalStateException("Mosquitto was not started with its " + config.label() + " config");
        }
        return broker;
    }

    /** The first configuration started: what a case without its own would use. */
    private MosquittoBroker first() {
        return brokers.values().iterator().next();
    }

    @Override
    public String name() {
        return first().name();
    }

    @Override
    public String configuration() {
        List<String> lines = new ArrayList<>();
        brokers.values().forEach(b -> lines.add(b.configuration()));
        return String.join("; ", lines);
    }

    @Override
    public Endpoint endpoint() {
        return first().endpoint();
    }

    @Override
    public Map<String, Long> processes() {
        return first().processes();
    }

    @Override
    public void checkAlive() {
        brokers.values().forEach(MosquittoBroker::checkAlive);
    }

    @Override
    public long connectionHolderRssBytes() {
        return first().connectionHolderRssBytes();
    }

    @Override
    public void close() {
        brokers.values().forEach(MosquittoBroker::close);
    }
}
