package io.starlingmq.gateway.podcost;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.starlingmq.gateway.metrics.GatewayMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps this gateway's pod annotated with its connection count as its deletion cost: when the HPA scales
 * the gateways in, the ReplicaSet removes the pod with the lowest cost, so the emptiest gateway drains
 * and the fewest clients reconnect. Updated every interval, only when the count changed; a failed update
 * is logged and tried again at the next interval.
 */
@ApplicationScoped
public class PodDeletionCost {

    static final String ANNOTATION = "controller.kubernetes.io/pod-deletion-cost";
    private static final Logger LOG = Logger.getLogger(PodDeletionCost.class);

    private final PodDeletionCostConfig config;
    private final GatewayMetrics metrics;
    private ScheduledExecutorService updates;
    private PodAnnotationClient client;
    private int annotated = -1;

    public PodDeletionCost(PodDeletionCostConfig config, GatewayMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    void onStart(@Observes StartupEvent event) throws IOException, GeneralSecurityException {
        if (!config.enabled()) {
            return;
        }
        String pod = config.podName().orElseThrow(() -> new IllegalStateException(
                "starling.gateway.pod-deletion-cost.enabled needs starling.gateway.pod-deletion-cost.pod-name"));
        String namespace = config.namespace().orElseThrow(() -> new IllegalStateException(
                "starling.gateway.pod-deletion-cost.enabled needs starling.gateway.pod-deletion-cost.namespace"));
        client = new PodAnnotationClient(config.apiServer(), namespace, pod, config.tokenFile(), config.caFile());
        updates = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "starling-pod-deletion-cost");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.interval().toMillis();
        updates.scheduleWithFixedDelay(this::update, 0, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (updates != null) {
            updates.shutdownNow();
        }
    }

    private void update() {
        int connections = metrics.openConnections();
        if (connections == annotated) {
            return;
        }
        try {
            client.annotate(ANNOTATION, Integer.toString(connections));
            annotated = connections;
        } catch (IOException e) {
            LOG.warnf("Could not set %s to %d: %s", ANNOTATION, connections, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
