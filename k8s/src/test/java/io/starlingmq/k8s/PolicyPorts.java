package io.starlingmq.k8s;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The NetworkPolicies and the pods they are about agree: a policy selects pods some workload runs, and a rule between
 * pods of the suite (an ingress rule admitting pods a podSelector chooses, an egress rule reaching them) names pods
 * some workload runs and ports, by number or name with their protocol, that a container of the destination pods
 * declares. A port nobody declares is a typo that leaves the real flow denied (16380 for the cluster bus 16379), a
 * selector nobody matches a leftover of pods that are gone. Rules open to any source, to other namespaces or to
 * addresses concern clients outside the suite and are not held to this (their flows are in NetworkFlows' tables).
 */
final class PolicyPorts {
    private PolicyPorts() {}

    static List<String> faults(Suite s) {
        List<String> faults = new ArrayList<>();
        for (NetworkPolicy p : s.all(NetworkPolicy.class)) {
            String id = Manifests.id(p);
            String ns = p.getMetadata().getNamespace();
            List<Suite.Workload> selected = selected(s, ns, p.getSpec().getPodSelector());
            if (selected.isEmpty()) {
                faults.add(id + ": podSelector " + show(p.getSpec().getPodSelector()) + " selects no workload's pods");
                continue;
            }
            int i = 0;
            for (var rule : p.getSpec().getIngress()) {
                i++;
                List<NetworkPolicyPeer> pods = podPeers(rule.getFrom());
                for (NetworkPolicyPeer peer : pods) {
                    if (selected(s, ns, peer.getPodSelector()).isEmpty()) {
                        faults.add(id + ": ingress rule " + i + " admits pods " + show(peer.getPodSelector())
                                + ", which no workload runs");
                    }
                }
                if (!pods.isEmpty()) {
                    ports(id + ": ingress rule " + i, rule.getPorts(), selected, faults);
                }
            }
            i = 0;
            for (var rule : p.getSpec().getEgress()) {
                i++;
                List<NetworkPolicyPeer> pods = podPeers(rule.getTo());
                for (NetworkPolicyPeer peer : pods) {
                    List<Suite.Workload> targets = selected(s, ns, peer.getPodSelector());
                    if (targets.isEmpty()) {
                        faults.add(id + ": egress rule " + i + " reaches pods " + show(peer.getPodSelector())
                                + ", which no workload runs");
                    } else {
                        ports(id + ": egress rule " + i, rule.getPorts(), targets, faults);
                    }
                }
            }
        }
        return faults;
    }

    /** The peers that are pods of the policy's namespace, chosen by a podSelector alone. */
    private static List<NetworkPolicyPeer> podPeers(List<NetworkPolicyPeer> peers) {
        return peers == null ? List.of() : peers.stream()
                .filter(x -> x.getPodSelector() != null && x.getNamespaceSelector() == null && x.getIpBlock() == null)
                .toList();
    }

    private static List<Suite.Workload> selected(Suite s, String ns, LabelSelector selector) {
        return s.workloads().stream().filter(w -> Objects.equals(w.namespace(), ns) && Suite.matches(selector, w.podLabels()))
                .toList();
    }

    /** Each port of the rule is declared by a container of one of the destination workloads. */
    private static void ports(String where, List<NetworkPolicyPort> ports, List<Suite.Workload> to, List<String> faults) {
        for (NetworkPolicyPort port : ports == null ? List.<NetworkPolicyPort>of() : ports) {
            if (port.getPort() == null || port.getEndPort() != null) {
                continue; // every port, or a range: nothing to match one by one
            }
            String protocol = Invariants.protocol(port.getProtocol());
            boolean declared = to.stream().flatMap(w -> w.containers().stream()).flatMap(c -> c.getPorts().stream())
                    .anyMatch(c -> matches(c, port, protocol));
            if (!declared) {
                String value = port.getPort().getIntVal() != null ? String.valueOf(port.getPort().getIntVal())
                        : "'" + port.getPort().getStrVal() + "'";
                faults.add(where + " names port " + value + "/" + protocol + ", which no container of "
                        + String.join(", ", to.stream().map(Suite.Workload::id).toList()) + " declares");
            }
        }
    }

    private static boolean matches(ContainerPort c, NetworkPolicyPort port, String protocol) {
        return Invariants.protocol(c.getProtocol()).equals(protocol) && (port.getPort().getIntVal() != null
                ? port.getPort().getIntVal().equals(c.getContainerPort()) : port.getPort().getStrVal().equals(c.getName()));
    }

    private static String show(LabelSelector selector) {
        if (selector == null) {
            return "{}";
        }
        return selector.getMatchLabels() == null ? "{}" : new java.util.TreeMap<>(selector.getMatchLabels()).toString();
    }
}
