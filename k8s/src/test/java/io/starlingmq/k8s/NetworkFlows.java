package io.starlingmq.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.starlingmq.k8s.NetworkPolicies.Endpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The designed flows of the suite, as tables: those the NetworkPolicies of an overlay must allow and those they must
 * deny. Pods are the overlay's workloads (by image; Redis by its form, RedisForm: "redis" holds the data, and a
 * Sentinel group adds "redis-sentinel", a cluster the Job "redis-cluster-create"), plus kube-dns in kube-system, a
 * Prometheus pod in the namespace "monitoring" (the label the policies admit: kubernetes.io/metadata.name=monitoring), a
 * pod of another namespace, a client outside the cluster, and what the bridge talks to outside the suite: a Kafka
 * broker in the cluster (Strimzi's, in the namespace "kafka") or outside it, and an S3 endpoint outside it.
 */
final class NetworkFlows {
    static final String NAMESPACE_WHEN_UNSET = "starling";

    record Flow(String from, String to, int port, String protocol) {
        @Override
        public String toString() {
            return from + " → " + to + ":" + port + ("TCP".equals(protocol) ? "" : "/" + protocol);
        }
    }

    static final List<String> SUITE_PODS = List.of("gateway", "router", "auth-service", "ops", "bridge", "redis",
            "postgresql", "keycloak");

    /** Redis pods beside the servers, which only some forms run. */
    static final List<String> REDIS_EXTRAS = List.of("redis-sentinel", "redis-cluster-create");

    static List<Flow> mustAllow(RedisForm.Kind redis) {
        List<Flow> f = new ArrayList<>();
        for (int p : new int[] {1883, 8883, 8083, 8084}) {
            f.add(new Flow("outside client", "gateway", p, "TCP"));
        }
        f.add(new Flow("gateway", "router", 9090, "TCP"));
        f.add(new Flow("gateway", "auth-service", 8091, "TCP"));
        f.add(new Flow("router", "redis", 6379, "TCP"));
        f.add(new Flow("auth-service", "postgresql", 5432, "TCP"));
        f.add(new Flow("auth-service", "keycloak", 8080, "TCP"));
        f.add(new Flow("outside client", "ops", 18083, "TCP"));
        f.add(new Flow("ops", "router", 9090, "TCP"));
        f.add(new Flow("ops", "postgresql", 5432, "TCP"));
        f.add(new Flow("ops", "keycloak", 8080, "TCP"));
        f.add(new Flow("bridge", "gateway", 1883, "TCP"));
        f.add(new Flow("bridge", "kafka", 9092, "TCP"));
        f.add(new Flow("bridge", "kafka outside the cluster", 9092, "TCP"));
        f.add(new Flow("bridge", "s3", 443, "TCP"));
        for (String pod : java.util.stream.Stream.concat(SUITE_PODS.stream(), REDIS_EXTRAS.stream()).toList()) {
            f.add(new Flow(pod, "kube-dns", 53, "UDP"));
            f.add(new Flow(pod, "kube-dns", 53, "TCP"));
        }
        if (redis == RedisForm.Kind.CLUSTER) {
            // Replication and hand-over on the client port, gossip and votes on the cluster bus; the Job joins them.
            f.add(new Flow("redis", "redis", 6379, "TCP"));
            f.add(new Flow("redis", "redis", 16379, "TCP"));
            f.add(new Flow("redis-cluster-create", "redis", 6379, "TCP"));
        }
        if (redis == RedisForm.Kind.SENTINEL) {
            // The routers ask the Sentinels for the primary; replicas stream from it; the Sentinels watch the servers
            // and vote among themselves; a server starting asks them which server is primary.
            f.add(new Flow("router", "redis-sentinel", 26379, "TCP"));
            f.add(new Flow("redis", "redis", 6379, "TCP"));
            f.add(new Flow("redis-sentinel", "redis", 6379, "TCP"));
            f.add(new Flow("redis-sentinel", "redis-sentinel", 26379, "TCP"));
            f.add(new Flow("redis", "redis-sentinel", 26379, "TCP"));
        }
        f.add(new Flow("prometheus", "gateway", 8090, "TCP"));
        f.add(new Flow("prometheus", "router", 9090, "TCP"));
        f.add(new Flow("prometheus", "auth-service", 8091, "TCP"));
        f.add(new Flow("prometheus", "ops", 18083, "TCP"));
        f.add(new Flow("prometheus", "bridge", 18084, "TCP"));
        return f;
    }

    static List<Flow> mustDeny(RedisForm.Kind redis) {
        List<Flow> f = new ArrayList<>(List.of(
                new Flow("gateway", "redis", 6379, "TCP"),
                new Flow("gateway", "postgresql", 5432, "TCP"),
                new Flow("gateway", "keycloak", 8080, "TCP"),
                new Flow("outside client", "router", 9090, "TCP"),
                new Flow("outside client", "redis", 6379, "TCP"),
                new Flow("outside client", "postgresql", 5432, "TCP"),
                new Flow("outside client", "auth-service", 8091, "TCP"),
                new Flow("outside client", "gateway", 8090, "TCP"),
                new Flow("router", "postgresql", 5432, "TCP"),
                new Flow("router", "keycloak", 8080, "TCP"),
                new Flow("router", "auth-service", 8091, "TCP"),
                new Flow("auth-service", "redis", 6379, "TCP"),
                new Flow("auth-service", "router", 9090, "TCP"),
                new Flow("redis", "postgresql", 5432, "TCP"),
                new Flow("postgresql", "redis", 6379, "TCP"),
                new Flow("keycloak", "redis", 6379, "TCP"),
                new Flow("pod of another namespace", "gateway", 8090, "TCP"),
                new Flow("pod of another namespace", "router", 9090, "TCP"),
                new Flow("pod of another namespace", "redis", 6379, "TCP"),
                new Flow("ops", "redis", 6379, "TCP"),
                new Flow("ops", "gateway", 8090, "TCP"),
                new Flow("ops", "gateway", 1883, "TCP"),
                new Flow("ops", "auth-service", 8091, "TCP"),
                new Flow("gateway", "ops", 18083, "TCP"),
                new Flow("router", "ops", 18083, "TCP"),
                new Flow("auth-service", "ops", 18083, "TCP"),
                new Flow("outside client", "ops", 8080, "TCP"),
                new Flow("outside client", "ops", 9090, "TCP"),
                new Flow("redis", "router", 9090, "TCP"),
                new Flow("keycloak", "router", 9090, "TCP"),
                new Flow("outside client", "bridge", 18084, "TCP"),
                new Flow("pod of another namespace", "bridge", 18084, "TCP"),
                new Flow("gateway", "bridge", 18084, "TCP"),
                new Flow("ops", "bridge", 18084, "TCP"),
                new Flow("bridge", "gateway", 8090, "TCP"),
                new Flow("bridge", "router", 9090, "TCP"),
                new Flow("bridge", "auth-service", 8091, "TCP"),
                new Flow("bridge", "ops", 18083, "TCP"),
                new Flow("bridge", "redis", 6379, "TCP"),
                new Flow("bridge", "postgresql", 5432, "TCP"),
                new Flow("bridge", "keycloak", 8080, "TCP"),
                new Flow("gateway", "kafka", 9092, "TCP"),
                new Flow("router", "kafka", 9092, "TCP"),
                new Flow("ops", "kafka", 9092, "TCP"),
                new Flow("ops", "s3", 443, "TCP")));
        if (redis == RedisForm.Kind.CLUSTER) {
            // The cluster bus is the nodes' own; the Job reaches the nodes' client port and nothing else.
            for (String from : List.of("router", "gateway", "bridge", "redis-cluster-create", "outside client",
                    "pod of another namespace")) {
                f.add(new Flow(from, "redis", 16379, "TCP"));
            }
            f.add(new Flow("redis-cluster-create", "router", 9090, "TCP"));
            f.add(new Flow("redis-cluster-create", "postgresql", 5432, "TCP"));
            f.add(new Flow("redis", "router", 9090, "TCP"));
        }
        if (redis == RedisForm.Kind.SENTINEL) {
            // Only the routers, the servers and the Sentinels themselves talk to the Sentinels, which talk to no one else.
            for (String from : List.of("gateway", "auth-service", "ops", "bridge", "prometheus", "outside client",
                    "pod of another namespace")) {
                f.add(new Flow(from, "redis-sentinel", 26379, "TCP"));
            }
            f.add(new Flow("redis-sentinel", "router", 9090, "TCP"));
            f.add(new Flow("redis-sentinel", "postgresql", 5432, "TCP"));
            f.add(new Flow("redis-sentinel", "keycloak", 8080, "TCP"));
        }
        return f;
    }

    /** The endpoints of a suite by name, and a fault for each suite pod it does not run. */
    static Map<String, Endpoint> endpoints(Suite s, List<String> faults) {
        Map<String, Endpoint> e = new LinkedHashMap<>();
        int ip = 10;
        RedisForm redis = RedisForm.of(s);
        for (String name : java.util.stream.Stream.concat(SUITE_PODS.stream(), REDIS_EXTRAS.stream()).toList()) {
            Optional<Suite.Workload> w = switch (name) {
                case "gateway" -> s.workload(App.GATEWAY);
                case "router" -> s.workload(App.ROUTER);
                case "auth-service" -> s.workload(App.AUTH_SERVICE);
                case "ops" -> s.workload(App.OPS);
                case "bridge" -> s.workload(App.BRIDGE);
                case "postgresql" -> s.workloadWithImage("postgres");
                case "redis" -> redis.dataWorkload();
                case "redis-sentinel" -> redis.workload(RedisForm.Role.SENTINEL);
                case "redis-cluster-create" -> redis.workload(RedisForm.Role.CLUSTER_CREATOR);
                default -> s.workloadWithImage(name);
            };
            if (w.isEmpty()) {
                if (SUITE_PODS.contains(name)) {
                    faults.add(s.source + ": no workload runs " + name);
                }
                continue;
            }
            Map<String, Integer> named = new LinkedHashMap<>();
            for (Container c : w.get().containers()) {
                for (ContainerPort p : c.getPorts()) {
                    if (p.getName() != null) {
                        named.put(p.getName(), p.getContainerPort());
                    }
                }
            }
            String ns = w.get().namespace() == null ? NAMESPACE_WHEN_UNSET : w.get().namespace();
            e.put(name, Endpoint.pod(name, ns, Map.of(), w.get().podLabels(), named, "10.244.0." + ip++));
        }
        e.put("kube-dns", Endpoint.pod("kube-dns", "kube-system", Map.of(), Map.of("k8s-app", "kube-dns"),
                Map.of("dns", 53, "dns-tcp", 53), "10.244.1.2"));
        e.put("prometheus", Endpoint.pod("prometheus", "monitoring", Map.of(),
                Map.of("app.kubernetes.io/name", "prometheus"), Map.of(), "10.244.2.3"));
        e.put("pod of another namespace", Endpoint.pod("pod of another namespace", "default", Map.of(),
                Map.of("app", "curious"), Map.of(), "10.244.3.4"));
        e.put("outside client", Endpoint.outside("outside client", "203.0.113.7"));
        e.put("kafka", Endpoint.pod("kafka", "kafka", Map.of(), Map.of("strimzi.io/kind", "Kafka"),
                Map.of("tcp-clients", 9092), "10.244.4.5"));
        e.put("kafka outside the cluster", Endpoint.outside("kafka outside the cluster", "198.51.100.9"));
        e.put("s3", Endpoint.outside("s3", "198.51.100.20"));
        return e;
    }

    static List<String> faults(Suite s) {
        List<String> faults = new ArrayList<>();
        Map<String, Endpoint> e = endpoints(s, faults);
        String ns = s.workloads().stream().map(Suite.Workload::namespace).filter(x -> x != null).findFirst()
                .orElse(NAMESPACE_WHEN_UNSET);
        NetworkPolicies np = new NetworkPolicies(s.all(NetworkPolicy.class), ns);
        RedisForm.Kind redis = RedisForm.of(s).kind;
        for (Flow f : mustAllow(redis)) {
            if (e.containsKey(f.from()) && e.containsKey(f.to())
                    && !np.allowed(e.get(f.from()), e.get(f.to()), f.port(), f.protocol())) {
                faults.add(s.source + ": " + f + " must be allowed, but the NetworkPolicies deny it");
            }
        }
        for (Flow f : mustDeny(redis)) {
            if (e.containsKey(f.from()) && e.containsKey(f.to())
                    && np.allowed(e.get(f.from()), e.get(f.to()), f.port(), f.protocol())) {
                faults.add(s.source + ": " + f + " must be denied, but the NetworkPolicies allow it");
            }
        }
        return faults;
    }
}
