package io.starlingmq.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The apps that take the routers as a static list (the gateway's starling.gateway.routers, ops's starling.ops.routers)
 * name every pod of the router StatefulSet, and nothing else: router-N.SERVICE:PORT for N from 0 to replicas - 1, by
 * the StatefulSet's headless Service and the router's HTTP port (optionally followed by .NAMESPACE, .svc and
 * .cluster.local), in any order (the gateways map client ids by rendezvous hashing). A list one short leaves a router
 * without gateways or unseen by ops (its counts missing from the sums); a name too many shows in ops as an
 * unreachable node. A gateway that follows the routers by DNS (starling.gateway.router-dns) instead must name the
 * headless Service and the router's HTTP port, SERVICE[.NAMESPACE[.svc[.cluster.local]]]:PORT: any other name finds no
 * router, or routers of something else.
 */
final class RouterLists {
    private static final Map<App, String> LIST_PROPERTY = Map.of(App.GATEWAY, "starling.gateway.routers",
            App.OPS, "starling.ops.routers");
    private static final String GATEWAY_DNS = "starling.gateway.router-dns";

    private RouterLists() {}

    static List<String> faults(Suite s) {
        List<String> faults = new ArrayList<>();
        Optional<Suite.Workload> routerWorkload = s.workload(App.ROUTER);
        if (routerWorkload.isEmpty() || !(routerWorkload.get().object() instanceof StatefulSet routers)) {
            return faults; // no router StatefulSet to compare with (fixtures); an overlay without one fails Images
        }
        Suite.Workload rw = routerWorkload.get();
        Container router = rw.containers().stream().filter(c -> App.of(c) == App.ROUTER).findFirst().orElseThrow();
        int port = Ports.httpPort(App.ROUTER, s.config(rw, router));
        int replicas = routers.getSpec().getReplicas() == null ? 1 : routers.getSpec().getReplicas();
        String name = routers.getMetadata().getName();
        String service = routers.getSpec().getServiceName();
        String ns = rw.namespace() == null ? NetworkFlows.NAMESPACE_WHEN_UNSET : rw.namespace();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            expected.add(name + "-" + i + "." + service + ":" + port);
        }
        for (Suite.Workload w : s.workloads()) {
            for (Container c : w.containers()) {
                App app = App.of(c);
                if (app == null || !LIST_PROPERTY.containsKey(app)) {
                    continue;
                }
                Optional<String> dns = app == App.GATEWAY ? Ports.value(app, s.config(w, c), GATEWAY_DNS) : Optional.empty();
                if (dns.isPresent()) {
                    String wanted = service + ":" + port;
                    if (!shortForm(dns.get().strip(), service, ns).equals(wanted)) {
                        faults.add(w.id() + " container " + c.getName() + ": " + GATEWAY_DNS + " is " + dns.get()
                                + ", but the routers of " + rw.id() + " are found as " + wanted
                                + " (its headless Service and the router's HTTP port)");
                    }
                    continue;
                }
                String property = LIST_PROPERTY.get(app);
                String value = Ports.value(app, s.config(w, c), property).orElse("");
                List<String> listed = Arrays.stream(value.split(",")).map(String::strip).filter(x -> !x.isEmpty())
                        .map(x -> shortForm(x, service, ns)).toList();
                boolean ok = listed.size() == expected.size() && listed.containsAll(expected);
                if (!ok) {
                    faults.add(w.id() + " container " + c.getName() + ": " + property + " is " + value + ", but "
                            + rw.id() + " runs " + replicas + (replicas == 1 ? " router" : " routers") + ", so it must"
                            + " name " + String.join(",", expected));
                }
            }
        }
        return faults;
    }

    /**
     * router-0.router.starling.svc.cluster.local:9090 as router-0.router:9090, router.starling.svc:9090 as router:9090
     * (the names a pod of NS resolves alike).
     */
    private static String shortForm(String entry, String service, String ns) {
        for (String suffix : List.of("." + ns + ".svc.cluster.local", "." + ns + ".svc", "." + ns)) {
            String needle = service + suffix + ":";
            int at = entry.indexOf(needle);
            if (at == 0 || (at > 0 && entry.charAt(at - 1) == '.')) {
                return entry.substring(0, at) + service + ":" + entry.substring(at + needle.length());
            }
        }
        return entry;
    }
}
