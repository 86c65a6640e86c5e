package io.starlingmq.k8s;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small evaluator of Kubernetes NetworkPolicy semantics: whether a connection from one endpoint to another on a port
 * is allowed. A pod is isolated for a direction when a policy in its namespace selects it and has that policy type
 * (policyTypes, or Ingress always and Egress when egress rules exist); an isolated pod allows what some selecting
 * policy's rule allows (peers: podSelector within the policy's namespace, namespaceSelector, both, ipBlock; ports by
 * number, by the destination's container port name, with endPort; no peers or no ports: all). A connection needs the
 * source's egress and the destination's ingress. Endpoints outside the cluster have no policies of their own.
 */
final class NetworkPolicies {
    /** A pod (namespace, its labels, the pod's labels and named container ports, an IP) or an outside address. */
    record Endpoint(String name, String namespace, Map<String, String> namespaceLabels, Map<String, String> podLabels,
            Map<String, Integer> namedPorts, String ip) {
        static Endpoint pod(String name, String namespace, Map<String, String> nsLabels, Map<String, String> podLabels,
                Map<String, Integer> namedPorts, String ip) {
            Map<String, String> ns = new java.util.HashMap<>(nsLabels);
            ns.putIfAbsent("kubernetes.io/metadata.name", namespace);
            return new Endpoint(name, namespace, ns, podLabels, namedPorts, ip);
        }

        static Endpoint outside(String name, String ip) {
            return new Endpoint(name, null, Map.of(), Map.of(), Map.of(), ip);
        }

        boolean isPod() {
            return namespace != null;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final List<NetworkPolicy> policies;
    private final String defaultNamespace;

    /** DEFAULT_NAMESPACE: the namespace of policies rendered without one (applied with kubectl -n). */
    NetworkPolicies(List<NetworkPolicy> policies, String defaultNamespace) {
        this.policies = policies;
        this.defaultNamespace = defaultNamespace;
    }

    boolean allowed(Endpoint from, Endpoint to, int port, String protocol) {
        return egressAllows(from, to, port, protocol) && ingressAllows(from, to, port, protocol);
    }

    private String namespaceOf(NetworkPolicy p) {
        return p.getMetadata().getNamespace() != null ? p.getMetadata().getNamespace() : defaultNamespace;
    }

    private List<NetworkPolicy> selecting(Endpoint pod, String type) {
        return policies.stream().filter(p -> Objects.equals(namespaceOf(p), pod.namespace())
                && Suite.matches(p.getSpec().getPodSelector(), pod.podLabels()) && types(p).contains(type)).toList();
    }

    private static List<String> types(NetworkPolicy p) {
        if (p.getSpec().getPolicyTypes() != null && !p.getSpec().getPolicyTypes().isEmpty()) {
            return p.getSpec().getPolicyTypes();
        }
        return p.getSpec().getEgress().isEmpty() ? List.of("Ingress") : List.of("Ingress", "Egress");
    }

    private boolean ingressAllows(Endpoint from, Endpoint to, int port, String protocol) {
        if (!to.isPod()) {
            return true;
        }
        List<NetworkPolicy> selecting = selecting(to, "Ingress");
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream().anyMatch(p -> p.getSpec().getIngress().stream()
                .anyMatch(r -> peers(r.getFrom(), from, namespaceOf(p)) && ports(r.getPorts(), to, port, protocol)));
    }

    private boolean egressAllows(Endpoint from, Endpoint to, int port, String protocol) {
        if (!from.isPod()) {
            return true;
        }
        List<NetworkPolicy> selecting = selecting(from, "Egress");
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream().anyMatch(p -> p.getSpec().getEgress().stream()
                .anyMatch(r -> peers(r.getTo(), to, namespaceOf(p)) && ports(r.getPorts(), to, port, protocol)));
    }

    private static boolean peers(List<NetworkPolicyPeer> peers, Endpoint e, String policyNamespace) {
        return peers == null || peers.isEmpty() || peers.stream().anyMatch(p -> peer(p, e, policyNamespace));
    }

    private static boolean peer(NetworkPolicyPeer p, Endpoint e, String policyNamespace) {
        if (p.getIpBlock() != null) {
            return inBlock(p.getIpBlock(), e.ip());
        }
        if (!e.isPod()) {
            return false;
        }
        boolean nsOk = p.getNamespaceSelector() != null ? Suite.matches(p.getNamespaceSelector(), e.namespaceLabels())
                : Objects.equals(policyNamespace, e.namespace());
        boolean podOk = p.getPodSelector() == null || Suite.matches(p.getPodSelector(), e.podLabels());
        return nsOk && podOk;
    }

    private static boolean ports(List<NetworkPolicyPort> ports, Endpoint to, int port, String protocol) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        return ports.stream().anyMatch(p -> {
            if (!Invariants.protocol(p.getProtocol()).equals(protocol)) {
                return false;
            }
            IntOrString v = p.getPort();
            if (v == null) {
                return true;
            }
            Integer n = v.getIntVal() != null ? v.getIntVal() : to.namedPorts().get(v.getStrVal());
            if (n == null) {
                return false;
            }
            return p.getEndPort() != null ? port >= n && port <= p.getEndPort() : port == n;
        });
    }

    static boolean inBlock(IPBlock block, String ip) {
        if (ip == null || !inCidr(block.getCidr(), ip)) {
            return false;
        }
        return block.getExcept().stream().noneMatch(x -> inCidr(x, ip));
    }

    private static boolean inCidr(String cidr, String ip) {
        try {
            String[] parts = cidr.split("/");
            byte[] net = InetAddress.getByName(parts[0]).getAddress();
            byte[] addr = InetAddress.getByName(ip).getAddress();
            if (net.length != addr.length) {
                return false;
            }
            int bits = parts.length > 1 ? Integer.parseInt(parts[1]) : net.length * 8;
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((net[i / 8] & mask) != (addr[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad CIDR or IP: " + cidr + " " + ip, e);
        }
    }
}
