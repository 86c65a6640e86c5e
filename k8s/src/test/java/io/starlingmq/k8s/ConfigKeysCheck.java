package io.starlingmq.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every configuration key the manifests give a Starling app is one the app reads. An app's rules (App.rulesPrefix) are
 * not mapped keys: they are read raw, by their names, so they must be in a mounted file that quarkus.config.locations
 * names, each as {@code PREFIX<rule>.<key>}; the rule's own keys are the app's to check when it starts.
 */
final class ConfigKeysCheck {
    private static final Pattern DEPENDENT_VAR = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    private ConfigKeysCheck() {}

    static List<String> faults(Suite s) {
        List<String> faults = new ArrayList<>();
        for (Suite.Workload w : s.workloads()) {
            for (Container c : w.containers()) {
                App app = App.of(c);
                if (app == null) {
                    continue;
                }
                ConfigKeys keys = ConfigKeys.of(app);
                Suite.ContainerConfig cfg = s.config(w, c);
                String where = w.id() + " container " + c.getName() + " (" + app.applicationName + ")";
                faults.addAll(cfg.faults());
                List<String> referenced = new ArrayList<>();
                Stream.concat(Stream.concat(c.getCommand().stream(), c.getArgs().stream()),
                        c.getEnv().stream().map(EnvVar::getValue).filter(v -> v != null)).forEach(v -> {
                            Matcher m = DEPENDENT_VAR.matcher(v);
                            while (m.find()) {
                                referenced.add(m.group(1));
                            }
                        });
                for (String name : cfg.env().keySet()) {
                    if (app.rulesPrefix != null && name.startsWith(ConfigKeys.envName(app.rulesPrefix))) {
                        faults.add(where + ": environment variable " + name + " sets a rule, but " + app.applicationName
                                + " reads its rules (" + app.rulesPrefix + "*) by their property names, from the file"
                                + " QUARKUS_CONFIG_LOCATIONS names, never from the environment");
                        continue;
                    }
                    boolean ok;
                    if (name.startsWith("STARLING_") || name.startsWith("QUARKUS_")) {
                        ok = keys.readsEnv(name);
                    } else {
                        ok = name.startsWith("JAVA_") || keys.readsEnv(name) || referenced.contains(name);
                    }
                    if (!ok) {
                        faults.add(where + ": environment variable " + name + " is not a key " + app.applicationName
                                + " reads" + suggestion(name, keys));
                    }
                }
                faults.addAll(ruleFaults(where, app, cfg));
                for (String key : cfg.properties().keySet()) {
                    if (app.rulesPrefix != null && ConfigKeys.unprofiled(key).startsWith(app.rulesPrefix)) {
                        continue;
                    }
                    if (!keys.readsProperty(key)) {
                        faults.add(where + ": property " + key + " in a mounted properties file is not a key "
                                + app.applicationName + " reads");
                    }
                }
            }
        }
        return faults;
    }

    /**
     * The app's rules: each property PREFIX<rule>.<key>, in a file that quarkus.config.locations names (one fault per
     * file that it does not name).
     */
    private static List<String> ruleFaults(String where, App app, Suite.ContainerConfig cfg) {
        if (app.rulesPrefix == null) {
            return List.of();
        }
        List<String> faults = new ArrayList<>();
        List<String> locations = configLocations(cfg);
        Map<String, Integer> unread = new TreeMap<>();
        for (String key : cfg.properties().keySet()) {
            if (!ConfigKeys.unprofiled(key).startsWith(app.rulesPrefix)) {
                continue;
            }
            String rest = ConfigKeys.unprofiled(key).substring(app.rulesPrefix.length());
            int dot = rest.indexOf('.');
            if (dot <= 0 || dot == rest.length() - 1) {
                faults.add(where + ": property " + key + " is not " + app.rulesPrefix + "<rule>.<key>, so "
                        + app.applicationName + " refuses to start");
            }
            String file = cfg.propertyFiles().get(key);
            if (!locations.contains(file)) {
                unread.merge(file, 1, Integer::sum);
            }
        }
        unread.forEach((file, n) -> faults.add(where + ": " + file + " holds rules (" + n + " of the " + app.rulesPrefix
                + "* properties), but QUARKUS_CONFIG_LOCATIONS does not name it (" + (locations.isEmpty() ? "it is not set"
                        : "it names " + String.join(",", locations)) + "), so " + app.applicationName + " never reads them"));
        return faults;
    }

    /** The files quarkus.config.locations names in the container (paths or file: URLs). */
    static List<String> configLocations(Suite.ContainerConfig cfg) {
        return cfg.lookup("quarkus.config.locations").stream().flatMap(v -> Stream.of(v.split(",")))
                .map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> l.startsWith("file://") ? l.substring(7) : l.startsWith("file:") ? l.substring(5) : l)
                .toList();
    }

    private static String suggestion(String name, ConfigKeys keys) {
        if (!name.startsWith("STARLING_")) {
            return name.startsWith("QUARKUS_") ? " (no extension it ships has it)"
                    : " (only STARLING_*, QUARKUS_*, JAVA_* and variables used as $(NAME) are allowed)";
        }
        return keys.mappingProperties.keySet().stream().map(ConfigKeys::envName)
                .filter(e -> !e.contains("*") && distance(e, name) <= 2).findFirst().map(e -> " (did you mean " + e + "?)")
                .orElse("");
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            prev = cur;
        }
        return prev[b.length()];
    }
}
