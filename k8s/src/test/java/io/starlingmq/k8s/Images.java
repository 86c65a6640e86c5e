package io.starlingmq.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The images the manifests run are the ones the Maven build makes (registry and group from the root pom's
 * quarkus.container-image.* properties, name = the app's quarkus.application.name, tag = the project version), the app
 * is packaged, and each app container declares exactly the ports the app listens on.
 */
final class Images {
    private Images() {}

    static String rootPomProperty(String name) {
        try {
            String pom = Files.readString(Repo.ROOT.resolve("pom.xml"));
            Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</" + Pattern.quote(name) + ">").matcher(pom);
            if (!m.find()) {
                throw new AssertionError("the root pom.xml sets no <" + name + "> property: the image names are set"
                        + " there, in one place (quarkus.container-image.registry and quarkus.container-image.group)");
            }
            return m.group(1).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String projectVersion() {
        try {
            String pom = Files.readString(Repo.ROOT.resolve("pom.xml"));
            String withoutParent = pom.replaceAll("(?s)<parent>.*?</parent>", "");
            Matcher m = Pattern.compile("<artifactId>starling-parent</artifactId>\\s*<version>([^<]+)</version>")
                    .matcher(withoutParent);
            if (!m.find()) {
                throw new AssertionError("cannot read the project version from the root pom.xml");
            }
            return m.group(1).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The image the build gives APP. */
    static String expectedImage(App app) {
        String name = app.applicationProperties().getProperty("quarkus.application.name");
        return rootPomProperty("quarkus.container-image.registry") + "/" + rootPomProperty("quarkus.container-image.group")
                + "/" + name + ":" + projectVersion();
    }

    static List<String> imageFaults(Suite s) {
        List<String> faults = new ArrayList<>();
        for (App app : App.values()) {
            if (!Files.isRegularFile(app.quarkusApp().resolve("quarkus-run.jar"))) {
                faults.add(app.module + " is not packaged: no " + Repo.relative(app.quarkusApp().resolve("quarkus-run.jar")));
            }
            if (s.workload(app).isEmpty()) {
                faults.add(s.source + ": no container runs an image named " + app.applicationName);
            }
        }
        for (Suite.Workload w : s.workloads()) {
            for (Container c : w.allContainers()) {
                App app = App.of(c);
                if (app != null && !expectedImage(app).equals(c.getImage())) {
                    faults.add(w.id() + " container " + c.getName() + ": image " + c.getImage()
                            + " is not the one the build makes, " + expectedImage(app));
                }
            }
        }
        return faults;
    }

    /**
     * The packaged app at QUARKUS_APP (its quarkus-app folder) ships SmallRye Health, which serves the
     * /q/health/started, /q/health/ready and /q/health/live the probes ask for (Invariants.HEALTH_PATHS); without it
     * every probe gets a 404 and the pod never starts.
     */
    static List<String> healthFaults(String applicationName, java.nio.file.Path quarkusApp) {
        java.nio.file.Path lib = quarkusApp.resolve("lib/main");
        try (var files = Files.list(lib)) {
            boolean health = files.map(f -> f.getFileName().toString())
                    .anyMatch(n -> n.startsWith("io.quarkus.quarkus-smallrye-health-") && n.endsWith(".jar"));
            return health ? List.of() : List.of(applicationName + " ships no quarkus-smallrye-health in "
                    + Repo.relative(lib) + ", so nothing serves the " + String.join(", ",
                            new java.util.TreeSet<>(Invariants.HEALTH_PATHS.values())) + " its probes ask for");
        } catch (IOException e) {
            return List.of(applicationName + " is not packaged: no " + Repo.relative(lib));
        }
    }

    static List<String> portFaults(Suite s) {
        List<String> faults = new ArrayList<>();
        for (Suite.Workload w : s.workloads()) {
            for (Container c : w.containers()) {
                App app = App.of(c);
                if (app == null) {
                    continue;
                }
                Map<Integer, String> listening = Ports.listening(app, s.config(w, c));
                Map<Integer, String> declared = new TreeMap<>();
                for (ContainerPort p : c.getPorts()) {
                    declared.put(p.getContainerPort(), p.getName());
                }
                String where = w.id() + " container " + c.getName();
                listening.forEach((port, what) -> {
                    if (!declared.containsKey(port)) {
                        faults.add(where + ": " + app.applicationName + " listens on " + port + " (" + what
                                + ") but the container does not declare it");
                    }
                });
                declared.forEach((port, name) -> {
                    if (!listening.containsKey(port)) {
                        faults.add(where + ": declares port " + port + (name == null ? "" : " (" + name + ")") + ", but "
                                + app.applicationName + " does not listen on it as configured (it listens on "
                                + listening.keySet() + ")");
                    }
                });
            }
        }
        return faults;
    }
}
