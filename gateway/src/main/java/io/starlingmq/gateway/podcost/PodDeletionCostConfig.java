package io.starlingmq.gateway.podcost;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The gateway keeps its pod's {@code controller.kubernetes.io/pod-deletion-cost} annotation at its
 * connection count, so that a scale-in removes the emptiest gateway and the fewest clients move.
 */
@ConfigMapping(prefix = "starling.gateway.pod-deletion-cost")
public interface PodDeletionCostConfig {

    /** Off outside Kubernetes; the manifests turn it on. */
    @WithDefault("false")
    boolean enabled();

    /** How often the annotation is brought up to date (only when the count changed). */
    @WithDefault("15s")
    Duration interval();

    /** This pod's name (the manifests pass it through the downward API). */
    Optional<String> podName();

    /** This pod's namespace. */
    Optional<String> namespace();

    /** The Kubernetes API server. */
    @WithDefault("https://kubernetes.default.svc")
    URI apiServer();

    /** The pod's service account token, read anew for every call (projected tokens rotate). */
    @WithDefault("/var/run/secrets/kubernetes.io/serviceaccount/token")
    Path tokenFile();

    /** The CA that signed the API server's certificate. */
    @WithDefault("/var/run/secrets/kubernetes.io/serviceaccount/ca.crt")
    Path caFile();
}
