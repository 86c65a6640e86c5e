package io.starlingmq.router.link;

import io.starlingmq.contract.link.v1.FleetLoad;
import io.starlingmq.contract.link.v1.GatewayLoad;
import io.starlingmq.contract.link.v1.RouterEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The live stream of each gateway; a newer stream with the same gateway id replaces the old one. */
@ApplicationScoped
public class GatewayRegistry {

    private static final Logger LOG = Logger.getLogger(GatewayRegistry.class);

    private final Map<String, GatewayLink> links = new ConcurrentHashMap<>();

    @Inject
    LinkMeters meters;

    /** Registers {@code link}; answers the link it replaced, or null. */
    public GatewayLink register(GatewayLink link) {
        GatewayLink replaced = links.put(link.gatewayId(), link);
        if (replaced != null) {
            meters.unregistered(replaced);
        }
        meters.registered(link);
        return replaced;
    }

    /** Forgets {@code link} unless a newer stream of its gateway already replaced it. */
    public void unregister(GatewayLink link) {
        if (links.remove(link.gatewayId(), link)) {
            meters.unregistered(link);
        }
    }

    public GatewayLink get(String gatewayId) {
        return links.get(gatewayId);
    }

    /** Sends deliveries to the gateway's stream (behind the SessionOpened of a connection still opening); false when this router has no stream from that gateway. */
    public boolean sendTo(String gatewayId, List<RouterEvent> events) {
        GatewayLink link = links.get(gatewayId);
        if (link == null) {
            LOG.debugf("no stream from gateway %s: %d events not sent", gatewayId, events.size());
            return false;
        }
        link.deliver(events);
        return true;
    }

    public Collection<GatewayLink> all() {
        return List.copyOf(links.values());
    }

    public int size() {
        return links.size();
    }

    /** The latest load every linked gateway reported in its heartbeat (those that reported none yet left out). */
    public FleetLoad fleetLoad() {
        FleetLoad.Builder fleet = FleetLoad.newBuilder();
        for (GatewayLink link : links.values()) {
            GatewayLoad load = link.load();
            if (load != null) {
                fleet.addGateways(load);
            }
        }
        return fleet.build();
    }
}
