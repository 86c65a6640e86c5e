package io.starlingmq.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration keys an app reads, from its packaged form (APP/target/quarkus-app): the properties of its
 * {@code @ConfigMapping} interfaces (found in the app's jar), of every Quarkus extension it ships (each runtime jar's
 * META-INF/quarkus-config-doc/quarkus-config-model.json), the keys of its application.properties and the
 * ${ENV_VAR} placeholders there. Map keys are patterns. Environment names follow SmallRye's rule: every character
 * that is not a letter or digit becomes _, and the rest is upper case.
 */
final class ConfigKeys {
    private static final String CONFIG_MAPPING = "Lio/smallrye/config/ConfigMapping;";
    private static final Map<App, ConfigKeys> CACHE = new EnumMap<>(App.class);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)");

    final App app;
    /** The @ConfigMapping interfaces found in the app's jar. */
    final Set<String> mappings = new TreeSet<>();
    /** Property patterns (map keys as *), with their @WithDefault where there is one. */
    final Map<String, String> mappingProperties = new LinkedHashMap<>();
    final Set<String> extensionProperties = new TreeSet<>();
    final Set<String> applicationKeys = new TreeSet<>();
    final Set<String> placeholderEnv = new TreeSet<>();
    /** The classes of the app's jar holding its App.rulesPrefix as a string constant: the code that reads them raw. */
    final Set<String> rulesPrefixReaders = new TreeSet<>();
    private final List<Pattern> propertyPatterns = new ArrayList<>();
    private final List<Pattern> envPatterns = new ArrayList<>();

    private ConfigKeys(App app) {
        this.app = app;
    }

    static synchronized ConfigKeys of(App app) {
        return CACHE.computeIfAbsent(app, ConfigKeys::load);
    }

    static String envName(String property) {
        StringBuilder b = new StringBuilder(property.length());
        for (char c : property.toCharArray()) {
            b.append(Character.isLetterOrDigit(c) && c < 128 ? Character.toUpperCase(c) : '_');
        }
        return b.toString();
    }

    /** The key without a %profile. prefix. */
    static String unprofiled(String key) {
        return key.startsWith("%") && key.contains(".") ? key.substring(key.indexOf('.') + 1) : key;
    }

    boolean readsProperty(String key) {
        String k = unprofiled(key);
        return propertyPatterns.stream().anyMatch(p -> p.matcher(k).matches());
    }

    boolean readsEnv(String name) {
        return placeholderEnv.contains(name) || envPatterns.stream().anyMatch(p -> p.matcher(name).matches());
    }

    /** The default of a @ConfigMapping property, or of the app's application.properties (unprofiled). */
    Optional<String> shippedValue(String property) {
        String v = app.applicationProperties().getProperty(property);
        return Optional.ofNullable(v != null ? v : mappingProperties.get(property));
    }

    private static ConfigKeys load(App app) {
        ConfigKeys k = new ConfigKeys(app);
        Path qa = app.quarkusApp();
        if (!Files.isRegularFile(qa.resolve("quarkus-run.jar"))) {
            throw new AssertionError(app.module + " is not packaged (no " + Repo.relative(qa.resolve("quarkus-run.jar"))
                    + "): build it first, e.g. ./mvnw install -DskipTests -pl " + app.module + " -am");
        }
        List<Path> appJars = jars(qa.resolve("app"));
        List<Path> libJars = jars(qa.resolve("lib/main"));
        k.loadMappings(appJars, libJars);
        for (Path jar : libJars) {
            k.loadExtensionModel(jar);
        }
        app.applicationProperties().forEach((key, value) -> {
            k.applicationKeys.add(unprofiled((String) key));
            Matcher m = PLACEHOLDER.matcher((String) value);
            while (m.find()) {
                k.placeholderEnv.add(m.group(1));
            }
        });
        Stream.of(k.mappingProperties.keySet(), k.extensionProperties, k.applicationKeys).flatMap(Collection::stream)
                .forEach(p -> {
                    k.propertyPatterns.add(propertyPattern(p));
                    k.envPatterns.add(envPattern(p));
                });
        return k;
    }

    private static List<Path> jars(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void loadMappings(List<Path> appJars, List<Path> libJars) {
        List<URL> urls = new ArrayList<>();
        for (Path p : Stream.concat(appJars.stream(), libJars.stream()).toList()) {
            try {
                urls.add(p.toUri().toURL());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            for (Path jar : appJars) {
                try (JarFile jf = new JarFile(jar.toFile())) {
                    for (JarEntry e : java.util.Collections.list(jf.entries())) {
                        if (!e.getName().endsWith(".class")) {
                            continue;
                        }
                        byte[] bytes;
                        try (InputStream in = jf.getInputStream(e)) {
                            bytes = in.readAllBytes();
                        }
                        String text = new String(bytes, StandardCharsets.ISO_8859_1);
                        String cn = e.getName().replace('/', '.').substring(0, e.getName().length() - 6);
                        if (app.rulesPrefix != null && text.contains(app.rulesPrefix)) {
                            rulesPrefixReaders.add(cn);
                        }
                        if (!text.contains(CONFIG_MAPPING)) {
                            continue;
                        }
                        Class<?> type = Class.forName(cn, false, loader);
                        Annotation mapping = annotation(type, "io.smallrye.config.ConfigMapping");
                        if (mapping != null && type.isInterface()) {
                            mappings.add(cn);
                            walk(type, (String) value(mapping, "prefix"));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private void walk(Class<?> group, String prefix) {
        for (Method m : group.getMethods()) {
            if (m.getParameterCount() > 0 || Modifier.isStatic(m.getModifiers()) || m.isDefault()
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Annotation withName = annotation(m, "io.smallrye.config.WithName");
            String name = withName != null ? (String) value(withName, "value") : kebab(m.getName());
            String path = annotation(m, "io.smallrye.config.WithParentName") != null ? prefix
                    : prefix.isEmpty() ? name : prefix + "." + name;
            Annotation withDefault = annotation(m, "io.smallrye.config.WithDefault");
            property(m.getGenericReturnType(), path, withDefault == null ? null : (String) value(withDefault, "value"));
        }
    }

    private void property(Type type, String path, String defaultValue) {
        Class<?> raw = raw(type);
        Type[] args = type instanceof ParameterizedType pt ? pt.getActualTypeArguments() : new Type[0];
        if (raw == Optional.class) {
            property(args[0], path, defaultValue);
        } else if (Map.class.isAssignableFrom(raw)) {
            property(args[1], path + ".*", defaultValue);
        } else if (Collection.class.isAssignableFrom(raw)) {
            if (isGroup(raw(args[0]))) {
                walk(raw(args[0]), path + "[*]");
            } else {
                mappingProperties.put(path, defaultValue);
                mappingProperties.put(path + "[*]", null);
            }
        } else if (isGroup(raw)) {
            walk(raw, path);
        } else {
            mappingProperties.put(path, defaultValue);
        }
    }

    private static boolean isGroup(Class<?> c) {
        return c.isInterface() && !c.getName().startsWith("java.");
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType pt) {
            return (Class<?>) pt.getRawType();
        }
        return Object.class;
    }

    private static Annotation annotation(java.lang.reflect.AnnotatedElement e, String type) {
        for (Annotation a : e.getAnnotations()) {
            if (a.annotationType().getName().equals(type)) {
                return a;
            }
        }
        return null;
    }

    private static Object value(Annotation a, String member) {
        try {
            return a.annotationType().getMethod(member).invoke(a);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static String kebab(String camel) {
        StringBuilder b = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                b.append('-').append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private void loadExtensionModel(Path jar) {
        try (JarFile jf = new JarFile(jar.toFile())) {
            JarEntry e = jf.getJarEntry("META-INF/quarkus-config-doc/quarkus-config-model.json");
            if (e == null) {
                return;
            }
            try (InputStream in = jf.getInputStream(e)) {
                collect(new ObjectMapper().readTree(in));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void collect(JsonNode node) {
        if (node.isObject()) {
            JsonNode path = node.get("path");
            if (path != null && path.has("property")) {
                boolean map = node.path("map").asBoolean(false);
                extensionProperties.add(path.get("property").asText() + (map ? ".*" : ""));
                for (JsonNode extra : node.path("additionalPaths")) {
                    if (extra.has("property")) {
                        extensionProperties.add(extra.get("property").asText() + (map ? ".*" : ""));
                    }
                }
            }
            node.elements().forEachRemaining(this::collect);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(this::collect);
        }
    }

    /** Placeholders in a property pattern: a quoted map key ("name"), a *, or a list index [*]. */
    private static final Pattern PATTERN_TOKEN = Pattern.compile("\"[^\"]*\"|\\*|\\[\\*]");

    static Pattern propertyPattern(String p) {
        return build(p, "(?:\"[^\"]+\"|[^.\"]+)", "\\[\\d+]", false);
    }

    static Pattern envPattern(String p) {
        return build(p, "[A-Z0-9_]+", "_\\d+_", true);
    }

    private static Pattern build(String p, String key, String index, boolean env) {
        StringBuilder b = new StringBuilder();
        Matcher m = PATTERN_TOKEN.matcher(p);
        int at = 0;
        while (m.find()) {
            String literal = p.substring(at, m.start());
            b.append(Pattern.quote(env ? envName(literal) : literal));
            b.append(m.group().equals("[*]") ? index : key);
            at = m.end();
        }
        String rest = p.substring(at);
        if (!rest.isEmpty()) {
            b.append(Pattern.quote(env ? envName(rest) : rest));
        }
        return Pattern.compile(b.toString());
    }
}
