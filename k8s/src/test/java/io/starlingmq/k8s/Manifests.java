package io.starlingmq.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rendered YAML as typed fabric8 objects, and the strict check a cluster's schema validation would make: the fabric8
 * model accepts unknown fields silently (into additionalProperties), so every object graph is walked and any
 * additional property is a fault. Kinds fabric8 has no typed model for come back as GenericKubernetesResource and are
 * faults unless listed in {@link #UNTYPED_ALLOWED}.
 */
final class Manifests {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    /**
     * Kinds accepted without a typed model (their fields are not checked): cert-manager's, used by the optional
     * certificate component. Everything else must deserialize into a typed fabric8 class.
     */
    static final Set<String> UNTYPED_ALLOWED = Set.of("cert-manager.io/v1 Certificate", "cert-manager.io/v1 Issuer",
            "cert-manager.io/v1 ClusterIssuer");

    private Manifests() {}

    /** Every document of a multi-document YAML, deserialized. A wrong type (a string for a number) throws here. */
    static List<HasMetadata> parse(String yaml, String source) {
        List<HasMetadata> all = new ArrayList<>();
        int n = 0;
        for (String doc : yaml.split("(?m)^---\\s*$")) {
            n++;
            if (doc.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
                continue;
            }
            Object o;
            try {
                o = SERIALIZATION.unmarshal(doc);
            } catch (RuntimeException e) {
                throw new AssertionError(source + ", document " + n + " does not deserialize: " + rootMessage(e), e);
            }
            if (!(o instanceof HasMetadata h)) {
                throw new AssertionError(source + ", document " + n + " is not a Kubernetes object: " + o);
            }
            all.add(h);
        }
        return all;
    }

    static List<HasMetadata> parseFile(Path file) {
        try {
            return parse(Files.readString(file), Repo.relative(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders DIR with the current kubectl and parses it. */
    static List<HasMetadata> render(Path dir) {
        return parse(Kubectl.CURRENT.render(dir), Repo.relative(dir));
    }

    static String id(HasMetadata o) {
        String ns = o.getMetadata() == null ? null : o.getMetadata().getNamespace();
        String name = o.getMetadata() == null ? null : o.getMetadata().getName();
        return o.getKind() + " " + (ns == null ? "" : ns + "/") + name;
    }

    /** The kind/namespace/name of every object, sorted: what two renders must agree on. */
    static Set<String> ids(List<HasMetadata> objects) {
        Set<String> ids = new TreeSet<>();
        objects.forEach(o -> ids.add(id(o)));
        return ids;
    }

    /** Every unknown field and every untyped kind, as "Kind ns/name: path: unknown field 'x'". */
    static List<String> strictFaults(List<HasMetadata> objects) {
        List<String> faults = new ArrayList<>();
        for (HasMetadata o : objects) {
            if (o instanceof GenericKubernetesResource g) {
                String kind = g.getApiVersion() + " " + g.getKind();
                if (!UNTYPED_ALLOWED.contains(kind)) {
                    faults.add(id(o) + ": " + kind + " has no typed model here and is not in the allow-list of"
                            + " untyped kinds " + new TreeSet<>(UNTYPED_ALLOWED) + " (misspelt apiVersion or kind?)");
                }
                continue;
            }
            walk(o, "", faults, id(o), new IdentityHashMap<>());
        }
        return faults;
    }

    private static void walk(Object node, String path, List<String> faults, String owner,
            IdentityHashMap<Object, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                walk(e, path + "[" + i++ + "]", faults, owner, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, path + "." + k, faults, owner, seen));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method g : getters(node.getClass())) {
            Object value;
            try {
                value = g.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (g.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    for (Object k : new TreeSet<>(extra.keySet().stream().map(String::valueOf).toList())) {
                        faults.add(owner + ": " + (path.isEmpty() ? "" : path.substring(1) + ": ")
                                + "unknown field '" + k + "'");
                    }
                }
                continue;
            }
            walk(value, path + "." + property(g), faults, owner, seen);
        }
    }

    private static List<Method> getters(Class<?> type) {
        List<Method> getters = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != Object.class
                    && (m.getName().startsWith("get") || m.getName().startsWith("is"))
                    && m.getReturnType() != void.class) {
                getters.add(m);
            }
        }
        getters.sort(Comparator.comparing(Method::getName));
        return getters;
    }

    private static String property(Method getter) {
        String n = getter.getName().startsWith("is") ? getter.getName().substring(2) : getter.getName().substring(3);
        return n.isEmpty() ? n : Character.toLowerCase(n.charAt(0)) + n.substring(1);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
