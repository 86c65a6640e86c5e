package io.starlingmq.router.session;

import io.quarkus.runtime.ShutdownEvent;
import io.starlingmq.router.config.RouterConfig;
import io.starlingmq.router.events.RouterEvents;
import io.starlingmq.router.link.GatewayLink;
import io.starlingmq.router.link.GatewayRegistry;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * A router that shuts down (scale-in, a rolling update) leaves before it stops serving: it tells every gateway
 * (RouterLeaving), refuses new sessions, and keeps serving the ones it holds while the gateways move them to
 * the other routers, until none is left here or {@code starling.router.leave-timeout} passed. The gateways'
 * streams stay open meanwhile, so what is under way finishes and nothing is lost. When the count stops falling
 * for {@link #STALL} (no other router to take them: a single router, or all leaving at once), it stops waiting.
 */
@ApplicationScoped
public class RouterLeave {

    private static final Logger LOG = Logger.getLogger(RouterLeave.class);
    private static final long POLL_MILLIS = 100;
    private static final long REPEAT_MILLIS = 1000;
    /** Gateways move at least a few connections a second while another router can take them. */
    static final Duration STALL = Duration.ofSeconds(5);

    @Inject
    GatewayRegistry gateways;
    @Inject
    RouterConfig config;

    private volatile boolean leaving;

    /** Whether this router is leaving: it takes no new session. */
    public boolean leaving() {
        return leaving;
    }

    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        leave(config.leaveTimeout());
    }

    /** Tells the gateways, then waits (on the calling thread) until they hold no session here, or the timeout. */
    public void leave(Duration timeout) {
        leaving = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        tellGateways();
        long nextTelling = System.nanoTime() + Duration.ofMillis(REPEAT_MILLIS).toNanos();
        int held = held();
        int fewest = held;
        long lastProgress = System.nanoTime();
        LOG.infof("leaving: %d sessions on %d gateway streams to move to the other routers", held, gateways.size());
        while (held > 0 && System.nanoTime() - deadline < 0 && System.nanoTime() - lastProgress < STALL.toNanos()) {
            long now = System.nanoTime();
            if (now - nextTelling >= 0) {
                // told again now and then: a gateway that linked meanwhile learns it too
                tellGateways();
                nextTelling = now + Duration.ofMillis(REPEAT_MILLIS).toNanos();
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            held = held();
            if (held < fewest) {
                fewest = held;
                lastProgress = System.nanoTime();
            }
        }
        if (held > 0) {
            LOG.warnf("left with %d sessions still held here (no gateway moved one for %s, or %s passed): they count as "
                    + "lost connections", held, STALL, timeout);
        } else {
            LOG.info("left: no gateway holds a session here");
        }
    }

    private void tellGateways() {
        gateways.all().forEach(link -> link.sender().send(RouterEvents.routerLeaving()));
    }

    private int held() {
        return gateways.all().stream().mapToInt(GatewayLink::sessionCount).sum();
    }
}
