package io.starlingmq.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the checked things are: the repository root (system property starling.root) and its k8s/ folder. */
final class Repo {
    static final Path ROOT = Path.of(System.getProperty("starling.root", "..")).toAbsolutePath().normalize();
    static final Path K8S = ROOT.resolve("k8s");
    static final Path PIPELINE = K8S.resolve("pipeline");

    private Repo() {}

    /** Every folder under k8s/overlays. */
    static List<Path> overlays() {
        return subfolders(K8S.resolve("overlays"));
    }

    /**
     * Every kustomization that renders the whole suite: the overlays, and the add-ons under k8s/components, each an
     * overlay on prod (k8s/README.md, "Add-ons"). The suite's checks (invariants, flows, keys, images, the Redis form)
     * run on all of them.
     */
    static List<Path> suites() {
        List<Path> all = new java.util.ArrayList<>(overlays());
        all.addAll(components());
        return all;
    }

    /** Every add-on folder under k8s/components. */
    static List<Path> components() {
        return subfolders(K8S.resolve("components"));
    }

    /** Every add-on folder under k8s/components, k8s/pipeline and its sub-kustomizations (the example run). */
    static List<Path> addOns() {
        List<Path> all = new java.util.ArrayList<>(components());
        if (Files.isDirectory(PIPELINE)) {
            all.add(PIPELINE);
            all.addAll(subfolders(PIPELINE));
        }
        return all;
    }

    static String relative(Path dir) {
        return ROOT.relativize(dir.toAbsolutePath().normalize()).toString();
    }

    private static List<Path> subfolders(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).filter(p -> Files.exists(p.resolve("kustomization.yaml"))
                    || Files.exists(p.resolve("kustomization.yml")) || Files.exists(p.resolve("Kustomization")))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture folder or file src/test/resources/NAME. */
    static Path fixture(String name) {
        try {
            return Path.of(Repo.class.getClassLoader().getResource(name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException("no test fixture " + name, e);
        }
    }
}
