package io.starlingmq.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/** The objects of one rendered overlay (or fixture), with the lookups the checks share. */
final class Suite {
    final String source;
    final List<HasMetadata> objects;
    /** Whether Secrets may come from outside (see Invariants.EXTERNAL_SECRETS): the overlay generates none. */
    final boolean externalSecretsAllowed;

    Suite(String source, List<HasMetadata> objects, boolean externalSecretsAllowed) {
        this.source = source;
        this.objects = objects;
        this.externalSecretsAllowed = externalSecretsAllowed;
    }

    private static final Map<java.nio.file.Path, Suite> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** An overlay, rendered once per test run. */
    static Suite of(java.nio.file.Path dir) {
        return CACHE.computeIfAbsent(dir, d -> new Suite(Repo.relative(d), Manifests.render(d), !generatesSecrets(d)));
    }

    static Suite ofFile(java.nio.file.Path file) {
        return new Suite(Repo.relative(file), Manifests.parseFile(file), false);
    }

    private static boolean generatesSecrets(java.nio.file.Path dir) {
        try {
            return java.nio.file.Files.readString(dir.resolve("kustomization.yaml")).lines()
                    .anyMatch(l -> l.startsWith("secretGenerator:"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A Deployment, StatefulSet, DaemonSet or Job: its pod template and selector (a Job's usually generated). */
    record Workload(HasMetadata object, LabelSelector selector, PodTemplateSpec template) {
        String id() {
            return Manifests.id(object);
        }

        /** A Job's pods run once to completion: no probes, and the API server makes their selector. */
        boolean runsToCompletion() {
            return object instanceof Job;
        }

        /** Pods it keeps running: a StatefulSet's or Deployment's replicas (1 when unset), 1 otherwise. */
        int replicas() {
            Integer r = object instanceof StatefulSet st ? st.getSpec().getReplicas()
                    : object instanceof Deployment d ? d.getSpec().getReplicas() : null;
            return r == null ? 1 : r;
        }

        String namespace() {
            return object.getMetadata().getNamespace();
        }

        Map<String, String> podLabels() {
            return template.getMetadata() == null || template.getMetadata().getLabels() == null ? Map.of()
                    : template.getMetadata().getLabels();
        }

        List<Container> containers() {
            return template.getSpec().getContainers();
        }

        List<Container> allContainers() {
            List<Container> all = new ArrayList<>(template.getSpec().getInitContainers());
            all.addAll(template.getSpec().getContainers());
            return all;
        }
    }

    List<Workload> workloads() {
        List<Workload> all = new ArrayList<>();
        for (HasMetadata o : objects) {
            if (o instanceof Deployment d) {
                all.add(new Workload(d, d.getSpec().getSelector(), d.getSpec().getTemplate()));
            } else if (o instanceof StatefulSet s) {
                all.add(new Workload(s, s.getSpec().getSelector(), s.getSpec().getTemplate()));
            } else if (o instanceof DaemonSet s) {
                all.add(new Workload(s, s.getSpec().getSelector(), s.getSpec().getTemplate()));
            } else if (o instanceof Job j) {
                all.add(new Workload(j, j.getSpec().getSelector(), j.getSpec().getTemplate()));
            }
        }
        return all;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String namespace, String name) {
        return all(type).stream().filter(o -> Objects.equals(o.getMetadata().getName(), name)
                && Objects.equals(o.getMetadata().getNamespace(), namespace)).findFirst();
    }

    /** The workload whose container runs APP's image, if any. */
    Optional<Workload> workload(App app) {
        return workloads().stream().filter(w -> w.containers().stream().anyMatch(c -> App.of(c) == app)).findFirst();
    }

    /** The workload with a container whose image repository's last segment contains IMAGE (redis, postgres). */
    Optional<Workload> workloadWithImage(String image) {
        return workloads().stream().filter(w -> w.containers().stream()
                .anyMatch(c -> App.repositoryName(c.getImage()).contains(image))).findFirst();
    }

    /** A label selector's verdict on a set of labels (null or empty selector: everything). */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null) {
            for (var e : selector.getMatchLabels().entrySet()) {
                if (!e.getValue().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
        }
        for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
            String v = labels.get(r.getKey());
            boolean ok = switch (r.getOperator()) {
                case "In" -> v != null && r.getValues().contains(v);
                case "NotIn" -> v == null || !r.getValues().contains(v);
                case "Exists" -> labels.containsKey(r.getKey());
                case "DoesNotExist" -> !labels.containsKey(r.getKey());
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    /**
     * What a container is configured with: its environment (env and envFrom, resolved against the overlay's
     * ConfigMaps and Secrets; null where the value is not known offline), the entries of every *.properties file
     * mounted from a ConfigMap, and for each entry the path of the file it is in.
     */
    record ContainerConfig(Map<String, String> env, Map<String, String> properties, Map<String, String> propertyFiles,
            List<String> faults) {
        /** The value the container gives PROPERTY (env first, then mounted properties), or empty. */
        Optional<String> lookup(String property) {
            String envName = ConfigKeys.envName(property);
            if (env.containsKey(envName)) {
                return Optional.ofNullable(env.get(envName));
            }
            return Optional.ofNullable(properties.get(property));
        }

        boolean sets(String property) {
            return env.containsKey(ConfigKeys.envName(property)) || properties.containsKey(property);
        }
    }

    ContainerConfig config(Workload w, Container c) {
        String ns = w.namespace();
        Map<String, String> env = new LinkedHashMap<>();
        List<String> faults = new ArrayList<>();
        for (EnvFromSource from : c.getEnvFrom()) {
            String prefix = from.getPrefix() == null ? "" : from.getPrefix();
            if (from.getConfigMapRef() != null) {
                find(ConfigMap.class, ns, from.getConfigMapRef().getName())
                        .ifPresent(cm -> data(cm).forEach((k, v) -> env.put(prefix + k, v)));
            }
            if (from.getSecretRef() != null) {
                find(Secret.class, ns, from.getSecretRef().getName())
                        .ifPresent(s -> data(s).forEach((k, v) -> env.put(prefix + k, v)));
            }
        }
        for (EnvVar e : c.getEnv()) {
            String value = e.getValue();
            if (e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = e.getValueFrom().getConfigMapKeyRef();
                value = find(ConfigMap.class, ns, ref.getName()).map(cm -> data(cm).get(ref.getKey())).orElse(null);
            }
            env.put(e.getName(), value);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, String> propertyFiles = new LinkedHashMap<>();
        for (VolumeMount m : c.getVolumeMounts()) {
            Volume v = w.template().getSpec().getVolumes().stream().filter(x -> x.getName().equals(m.getName()))
                    .findFirst().orElse(null);
            if (v == null || v.getConfigMap() == null) {
                continue;
            }
            find(ConfigMap.class, ns, v.getConfigMap().getName()).ifPresent(cm -> {
                // The volume's files: its items (key to path) when it lists any, else one file per key.
                Map<String, String> files = new LinkedHashMap<>();
                if (v.getConfigMap().getItems() == null || v.getConfigMap().getItems().isEmpty()) {
                    data(cm).keySet().forEach(k -> files.put(k, k));
                } else {
                    v.getConfigMap().getItems().forEach(i -> files.put(i.getPath(), i.getKey()));
                }
                files.forEach((file, key) -> {
                    String text = data(cm).get(key);
                    boolean mounted = m.getSubPath() == null || m.getSubPath().isEmpty() || m.getSubPath().equals(file);
                    if (text == null || !mounted || !file.endsWith(".properties")) {
                        return;
                    }
                    String path = m.getSubPath() == null || m.getSubPath().isEmpty()
                            ? m.getMountPath().replaceAll("/+$", "") + "/" + file : m.getMountPath();
                    Properties p = new Properties();
                    try {
                        p.load(new StringReader(text));
                    } catch (IOException ex) {
                        faults.add(Manifests.id(cm) + ": " + key + " is not a properties file: " + ex.getMessage());
                    }
                    p.stringPropertyNames().forEach(n -> {
                        properties.put(n, p.getProperty(n));
                        propertyFiles.put(n, path);
                    });
                });
            });
        }
        return new ContainerConfig(env, properties, propertyFiles, faults);
    }

    static Map<String, String> data(ConfigMap cm) {
        return cm.getData() == null ? Map.of() : cm.getData();
    }

    static Map<String, String> data(Secret s) {
        Map<String, String> all = new LinkedHashMap<>();
        if (s.getData() != null) {
            s.getData().forEach((k, v) -> all.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        }
        if (s.getStringData() != null) {
            all.putAll(s.getStringData());
        }
        return all;
    }
}
