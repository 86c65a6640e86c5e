package io.starlingmq.k8s;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a cluster would only reveal at run time, checked on the rendered objects. Each method answers the faults it
 * finds, each naming the object and what is wrong; an empty list is a pass.
 */
final class Invariants {
    /**
     * The Secrets an operator creates out of band before applying an overlay that generates none (prod and what
     * builds on it; the list and the keys are those k8s/README.md tells the operator to create). An overlay with a
     * secretGenerator must create every Secret it references. The bridge's two are optional (referenced with
     * optional: true, in every overlay): an optional reference names one of these, or a Secret of the overlay, and a
     * key it has, since a misspelt optional one fails nowhere and is just never read.
     */
    static final Map<String, Set<String>> EXTERNAL_SECRETS = Map.of(
            "starling-redis", Set.of("password"),
            "starling-postgresql", Set.of("postgres-password", "auth-password", "keycloak-password"),
            "starling-keycloak-admin", Set.of("username", "password"),
            "starling-gateway-tls", Set.of("tls.crt", "tls.key", "ca.crt"),
            "starling-ops-api-keys", Set.of("api-keys"),
            "starling-bridge-mqtt", Set.of("username", "password"),
            "starling-bridge-s3", Set.of("access-key", "secret-key"));

    /** The health endpoints of SmallRye Health under Quarkus's default root paths, by probe. */
    static final Map<String, String> HEALTH_PATHS = Map.of("startupProbe", "/q/health/started", "readinessProbe",
            "/q/health/ready", "livenessProbe", "/q/health/live");

    /** Properties that would move the health endpoints away from /q/health/...: none may be set. */
    static final List<String> HEALTH_PATH_PROPERTIES = List.of("quarkus.http.root-path",
            "quarkus.http.non-application-root-path", "quarkus.smallrye-health.root-path",
            "quarkus.smallrye-health.liveness-path", "quarkus.smallrye-health.readiness-path",
            "quarkus.smallrye-health.startup-path");

    private Invariants() {}

    static List<String> all(Suite s) {
        List<String> faults = new ArrayList<>();
        faults.addAll(selectorsMatchTemplates(s));
        faults.addAll(servicesSelectPodsAndPorts(s));
        faults.addAll(probes(s));
        faults.addAll(references(s));
        faults.addAll(scalingTargets(s));
        faults.addAll(containerBasics(s));
        faults.addAll(serviceAccountTokens(s));
        faults.addAll(DrainGrace.faults(s));
        faults.addAll(RouterLists.faults(s));
        return faults;
    }

    static List<String> selectorsMatchTemplates(Suite s) {
        List<String> faults = new ArrayList<>();
        for (Suite.Workload w : s.workloads()) {
            if (w.runsToCompletion() && w.selector() == null) {
                continue; // the API server gives a Job the selector of its own pods
            }
            if (w.selector() == null || (w.selector().getMatchLabels().isEmpty() && w.selector().getMatchExpressions().isEmpty())) {
                faults.add(w.id() + ": has no selector");
            } else if (!Suite.matches(w.selector(), w.podLabels())) {
                faults.add(w.id() + ": selector " + w.selector().getMatchLabels() + " does not match its template's labels "
                        + w.podLabels());
            }
        }
        return faults;
    }

    static List<String> servicesSelectPodsAndPorts(Suite s) {
        List<String> faults = new ArrayList<>();
        for (Service svc : s.all(Service.class)) {
            String id = Manifests.id(svc);
            if ("ExternalName".equals(svc.getSpec().getType())) {
                continue;
            }
            Map<String, String> selector = svc.getSpec().getSelector();
            if (selector == null || selector.isEmpty()) {
                faults.add(id + ": has no selector, so it selects no pods");
                continue;
            }
            List<Suite.Workload> selected = s.workloads().stream()
                    .filter(w -> Objects.equals(w.namespace(), svc.getMetadata().getNamespace())
                            && Suite.matches(selector, w.podLabels()))
                    .toList();
            if (selected.isEmpty()) {
                faults.add(id + ": selector " + selector + " selects no workload's pods");
                continue;
            }
            for (ServicePort p : svc.getSpec().getPorts()) {
                IntOrString target = p.getTargetPort() != null ? p.getTargetPort() : new IntOrString(p.getPort());
                for (Suite.Workload w : selected) {
                    if (!declaresPort(w.containers(), target, protocol(p.getProtocol()))) {
                        faults.add(id + ": port " + portName(p) + " targets " + show(target) + ", which " + w.id()
                                + " declares in no container");
                    }
                }
            }
        }
        return faults;
    }

    static List<String> probes(Suite s) {
        List<String> faults = new ArrayList<>();
        for (Suite.Workload w : s.workloads()) {
            for (Container c : w.containers()) {
                String where = w.id() + " container " + c.getName();
                App app = App.of(c);
                Map<String, Probe> probes = probesOf(c);
                for (var e : probes.entrySet()) {
                    Probe p = e.getValue();
                    IntOrString port = p.getHttpGet() != null ? p.getHttpGet().getPort()
                            : p.getTcpSocket() != null ? p.getTcpSocket().getPort()
                            : p.getGrpc() != null ? new IntOrString(p.getGrpc().getPort()) : null;
                    if (port != null && !declaresPort(List.of(c), port, "TCP")) {
                        faults.add(where + ": " + e.getKey() + " targets port " + show(port)
                                + ", which the container does not declare");
                    }
                    if (app != null) {
                        String expected = HEALTH_PATHS.get(e.getKey());
                        String path = p.getHttpGet() == null ? null : p.getHttpGet().getPath();
                        if (!expected.equals(path)) {
                            faults.add(where + ": " + e.getKey() + " must be an httpGet of " + expected
                                    + " (the path " + app.applicationName + " serves), not " + (path == null ? "a non-HTTP probe" : path));
                        }
                        Integer httpPort = port == null ? null : resolvePort(c, port);
                        int served = Ports.httpPort(app, s.config(w, c));
                        if (httpPort != null && httpPort != served) {
                            faults.add(where + ": " + e.getKey() + " targets port " + httpPort + ", but "
                                    + app.applicationName + " serves health on " + served);
                        }
                    }
                }
                if (app != null) {
                    Suite.ContainerConfig cfg = s.config(w, c);
                    for (String prop : HEALTH_PATH_PROPERTIES) {
                        if (cfg.sets(prop) || app.applicationProperties().containsKey(prop)) {
                            faults.add(where + ": sets " + prop + ", which moves the health endpoints the probes use");
                        }
                    }
                }
            }
        }
        return faults;
    }

    static List<String> references(Suite s) {
        List<String> faults = new ArrayList<>();
        for (Suite.Workload w : s.workloads()) {
            String ns = w.namespace();
            PodSpec pod = w.template().getSpec();
            Map<String, Set<String>> external = s.externalSecretsAllowed ? EXTERNAL_SECRETS : Map.of();
            Function<String, Boolean> secretExists = name -> external.containsKey(name)
                    || s.find(Secret.class, ns, name).isPresent();
            for (Container c : w.allContainers()) {
                String where = w.id() + " container " + c.getName();
                for (EnvFromSource from : c.getEnvFrom()) {
                    if (from.getConfigMapRef() != null && !Boolean.TRUE.equals(from.getConfigMapRef().getOptional())
                            && s.find(ConfigMap.class, ns, from.getConfigMapRef().getName()).isEmpty()) {
                        faults.add(where + ": envFrom ConfigMap " + from.getConfigMapRef().getName() + " does not exist");
                    }
                    if (from.getSecretRef() != null && !Boolean.TRUE.equals(from.getSecretRef().getOptional())
                            && !secretExists.apply(from.getSecretRef().getName())) {
                        faults.add(where + ": envFrom Secret " + from.getSecretRef().getName() + missingSecret());
                    }
                }
                for (EnvVar e : c.getEnv()) {
                    if (e.getValueFrom() == null) {
                        continue;
                    }
                    var cm = e.getValueFrom().getConfigMapKeyRef();
                    if (cm != null && !Boolean.TRUE.equals(cm.getOptional())) {
                        var found = s.find(ConfigMap.class, ns, cm.getName());
                        if (found.isEmpty()) {
                            faults.add(where + ": env " + e.getName() + " refers to ConfigMap " + cm.getName()
                                    + ", which does not exist");
                        } else if (!Suite.data(found.get()).containsKey(cm.getKey())) {
                            faults.add(where + ": env " + e.getName() + " refers to key " + cm.getKey() + " of ConfigMap "
                                    + cm.getName() + ", which has no such key");
                        }
                    }
                    var sk = e.getValueFrom().getSecretKeyRef();
                    if (sk != null && Boolean.TRUE.equals(sk.getOptional())) {
                        var found = s.find(Secret.class, ns, sk.getName());
                        if (found.isPresent() ? !Suite.data(found.get()).containsKey(sk.getKey())
                                : !EXTERNAL_SECRETS.getOrDefault(sk.getName(), Set.of()).contains(sk.getKey())) {
                            faults.add(where + ": env " + e.getName() + " refers to key " + sk.getKey() + " of the optional"
                                    + " Secret " + sk.getName() + ", which is neither a key of a Secret in the overlay nor"
                                    + " one of a documented external Secret, so it is never read");
                        }
                    }
                    if (sk != null && !Boolean.TRUE.equals(sk.getOptional())) {
                        var found = s.find(Secret.class, ns, sk.getName());
                        if (found.isEmpty() && !external.containsKey(sk.getName())) {
                            faults.add(where + ": env " + e.getName() + " refers to Secret " + sk.getName() + missingSecret());
                        } else if (found.isEmpty() && !external.get(sk.getName()).contains(sk.getKey())) {
                            faults.add(where + ": env " + e.getName() + " refers to key " + sk.getKey() + " of Secret "
                                    + sk.getName() + ", which the documented external Secret does not have "
                                    + new java.util.TreeSet<>(external.get(sk.getName())));
                        } else if (found.isPresent() && !Suite.data(found.get()).containsKey(sk.getKey())) {
                            faults.add(where + ": env " + e.getName() + " refers to key " + sk.getKey() + " of Secret "
                                    + sk.getName() + ", which has no such key");
                        }
                    }
                }
            }
            Set<String> claimTemplates = w.object() instanceof StatefulSet st
                    ? st.getSpec().getVolumeClaimTemplates().stream().map(p -> p.getMetadata().getName())
                            .collect(Collectors.toSet())
                    : Set.of();
            Set<String> volumes = pod.getVolumes().stream().map(Volume::getName).collect(Collectors.toSet());
            for (Container c : w.allContainers()) {
                c.getVolumeMounts().stream().filter(m -> !volumes.contains(m.getName()) && !claimTemplates.contains(m.getName()))
                        .forEach(m -> faults.add(w.id() + " container " + c.getName() + ": mounts volume " + m.getName()
                                + ", which the pod does not define"));
            }
            for (Volume v : pod.getVolumes()) {
                String where = w.id() + " volume " + v.getName();
                if (v.getConfigMap() != null && !Boolean.TRUE.equals(v.getConfigMap().getOptional())
                        && s.find(ConfigMap.class, ns, v.getConfigMap().getName()).isEmpty()) {
                    faults.add(where + ": ConfigMap " + v.getConfigMap().getName() + " does not exist");
                }
                if (v.getSecret() != null && !Boolean.TRUE.equals(v.getSecret().getOptional())
                        && !secretExists.apply(v.getSecret().getSecretName())) {
                    faults.add(where + ": Secret " + v.getSecret().getSecretName() + missingSecret());
                }
                if (v.getPersistentVolumeClaim() != null
                        && s.find(PersistentVolumeClaim.class, ns, v.getPersistentVolumeClaim().getClaimName()).isEmpty()) {
                    faults.add(where + ": PersistentVolumeClaim " + v.getPersistentVolumeClaim().getClaimName()
                            + " does not exist");
                }
                if (v.getProjected() != null) {
                    for (VolumeProjection p : v.getProjected().getSources()) {
                        if (p.getConfigMap() != null && !Boolean.TRUE.equals(p.getConfigMap().getOptional())
                                && s.find(ConfigMap.class, ns, p.getConfigMap().getName()).isEmpty()) {
                            faults.add(where + ": ConfigMap " + p.getConfigMap().getName() + " does not exist");
                        }
                        if (p.getSecret() != null && !Boolean.TRUE.equals(p.getSecret().getOptional())
                                && !secretExists.apply(p.getSecret().getName())) {
                            faults.add(where + ": Secret " + p.getSecret().getName() + missingSecret());
                        }
                    }
                }
            }
            String sa = pod.getServiceAccountName();
            if (sa == null || sa.isEmpty() || sa.equals("default")) {
                if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
                    faults.add(w.id() + ": runs as the namespace's default ServiceAccount with its token mounted;"
                            + " give it a ServiceAccount of its own");
                }
            } else if (s.find(ServiceAccount.class, ns, sa).isEmpty()) {
                faults.add(w.id() + ": ServiceAccount " + sa + " does not exist");
            }
            pod.getImagePullSecrets().forEach(r -> {
                if (!secretExists.apply(r.getName())) {
                    faults.add(w.id() + ": imagePullSecret " + r.getName() + missingSecret());
                }
            });
        }
        return faults;
    }

    private static String missingSecret() {
        return " does not exist in the overlay (and is not one of the documented external Secrets "
                + new java.util.TreeSet<>(EXTERNAL_SECRETS.keySet()) + ", which only overlays without a secretGenerator may reference)";
    }

    static List<String> scalingTargets(Suite s) {
        List<String> faults = new ArrayList<>();
        for (HorizontalPodAutoscaler h : s.all(HorizontalPodAutoscaler.class)) {
            var ref = h.getSpec().getScaleTargetRef();
            boolean found = s.workloads().stream().anyMatch(w -> w.object().getKind().equals(ref.getKind())
                    && w.object().getMetadata().getName().equals(ref.getName())
                    && Objects.equals(w.namespace(), h.getMetadata().getNamespace()));
            if (!found) {
                faults.add(Manifests.id(h) + ": scaleTargetRef " + ref.getKind() + " " + ref.getName() + " does not exist");
            }
        }
        for (PodDisruptionBudget p : s.all(PodDisruptionBudget.class)) {
            boolean found = p.getSpec().getSelector() != null && s.workloads().stream()
                    .anyMatch(w -> Objects.equals(w.namespace(), p.getMetadata().getNamespace())
                            && Suite.matches(p.getSpec().getSelector(), w.podLabels()));
            if (!found) {
                faults.add(Manifests.id(p) + ": selector "
                        + (p.getSpec().getSelector() == null ? "(none)" : p.getSpec().getSelector().getMatchLabels())
                        + " selects no workload's pods");
            }
        }
        return faults;
    }

    static List<String> containerBasics(Suite s) {
        List<String> faults = new ArrayList<>();
        for (Suite.Workload w : s.workloads()) {
            PodSecurityContext pod = w.template().getSpec().getSecurityContext();
            for (Container c : w.allContainers()) {
                boolean init = w.template().getSpec().getInitContainers().contains(c);
                String where = w.id() + " container " + c.getName();
                ResourceRequirements r = c.getResources();
                for (String kind : List.of("cpu", "memory")) {
                    if (r == null || r.getRequests() == null || !r.getRequests().containsKey(kind)) {
                        faults.add(where + ": no " + kind + " request");
                    }
                    if (r == null || r.getLimits() == null || !r.getLimits().containsKey(kind)) {
                        faults.add(where + ": no " + kind + " limit");
                    }
                }
                if (!init && !w.runsToCompletion()) {
                    Set<String> required = App.of(c) != null ? Set.of("startupProbe", "readinessProbe", "livenessProbe")
                            : Set.of("readinessProbe", "livenessProbe");
                    required.stream().sorted().filter(p -> !probesOf(c).containsKey(p))
                            .forEach(p -> faults.add(where + ": no " + p));
                }
                SecurityContext sc = c.getSecurityContext();
                Boolean nonRoot = sc != null && sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot()
                        : pod == null ? null : pod.getRunAsNonRoot();
                if (!Boolean.TRUE.equals(nonRoot)) {
                    faults.add(where + ": runAsNonRoot is not true (container or pod securityContext)");
                }
                if (sc == null || !Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                    faults.add(where + ": readOnlyRootFilesystem is not true");
                }
                if (sc == null || !Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                    faults.add(where + ": allowPrivilegeEscalation is not false");
                }
                Capabilities caps = sc == null ? null : sc.getCapabilities();
                if (caps == null || !caps.getDrop().contains("ALL")) {
                    faults.add(where + ": capabilities do not drop ALL");
                }
                String seccomp = sc != null && sc.getSeccompProfile() != null ? sc.getSeccompProfile().getType()
                        : pod != null && pod.getSeccompProfile() != null ? pod.getSeccompProfile().getType() : null;
                if (!"RuntimeDefault".equals(seccomp)) {
                    faults.add(where + ": seccompProfile is not RuntimeDefault (container or pod securityContext)");
                }
            }
        }
        return faults;
    }

    static List<String> serviceAccountTokens(Suite s) {
        List<String> faults = new ArrayList<>();
        List<Subject> bound = new ArrayList<>();
        s.all(RoleBinding.class).forEach(b -> bound.addAll(b.getSubjects()));
        s.all(ClusterRoleBinding.class).forEach(b -> bound.addAll(b.getSubjects()));
        for (ServiceAccount sa : s.all(ServiceAccount.class)) {
            boolean isBound = bound.stream().anyMatch(b -> "ServiceAccount".equals(b.getKind())
                    && sa.getMetadata().getName().equals(b.getName())
                    && (b.getNamespace() == null || Objects.equals(b.getNamespace(), sa.getMetadata().getNamespace())));
            if (!isBound && !Boolean.FALSE.equals(sa.getAutomountServiceAccountToken())) {
                faults.add(Manifests.id(sa) + ": no RoleBinding binds it, so automountServiceAccountToken must be false");
            }
        }
        return faults;
    }

    static Map<String, Probe> probesOf(Container c) {
        Map<String, Probe> m = new java.util.TreeMap<>();
        if (c.getStartupProbe() != null) {
            m.put("startupProbe", c.getStartupProbe());
        }
        if (c.getReadinessProbe() != null) {
            m.put("readinessProbe", c.getReadinessProbe());
        }
        if (c.getLivenessProbe() != null) {
            m.put("livenessProbe", c.getLivenessProbe());
        }
        return m;
    }

    static boolean declaresPort(List<Container> containers, IntOrString port, String protocol) {
        return containers.stream().flatMap(c -> c.getPorts().stream())
                .anyMatch(p -> protocol(p.getProtocol()).equals(protocol) && (port.getIntVal() != null
                        ? port.getIntVal().equals(p.getContainerPort()) : port.getStrVal().equals(p.getName())));
    }

    /** The number a probe's or Service's port resolves to in container C, or null. */
    static Integer resolvePort(Container c, IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return c.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName())).map(ContainerPort::getContainerPort)
                .findFirst().orElse(null);
    }

    static String protocol(String p) {
        return p == null ? "TCP" : p;
    }

    private static String show(IntOrString p) {
        return p.getIntVal() != null ? String.valueOf(p.getIntVal()) : "'" + p.getStrVal() + "'";
    }

    private static String portName(ServicePort p) {
        return p.getName() == null ? String.valueOf(p.getPort()) : p.getName() + " (" + p.getPort() + ")";
    }
}
