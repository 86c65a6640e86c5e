package io.starlingmq.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A kubectl binary that renders kustomizations offline ({@code kubectl kustomize DIR}). Two are used: a current one
 * (system property starling.kubectl) and Debian's kubernetes-client 1.20 with its built-in kustomize v2.0.3
 * (starling.kubectl.debian), which ./starling test fetches into ~/.cache/starling/kubernetes-client-1.20/.
 */
record Kubectl(String label, String binary) {

    static final Kubectl CURRENT = new Kubectl("current kubectl", System.getProperty("starling.kubectl", "kubectl"));
    static final Kubectl DEBIAN = new Kubectl("Debian kubectl 1.20 (kustomize v2.0.3)", System.getProperty(
            "starling.kubectl.debian",
            System.getProperty("user.home") + "/.cache/starling/kubernetes-client-1.20/root/usr/bin/kubectl"));

    private static final Map<String, Result> CACHE = new ConcurrentHashMap<>();

    /** The output of a render, or why it failed. */
    record Result(String yaml, String error) {
        boolean ok() {
            return error == null;
        }
    }

    /** Renders DIR; fails (never skips) when this kubectl cannot be run at all. */
    Result kustomize(Path dir) {
        return CACHE.computeIfAbsent(binary + "\n" + dir.toAbsolutePath().normalize(), k -> run(dir));
    }

    /** Renders DIR and fails with kubectl's message if it does not render. */
    String render(Path dir) {
        Result r = kustomize(dir);
        if (!r.ok()) {
            throw new AssertionError(label + " cannot render " + Repo.relative(dir) + ": " + r.error());
        }
        return r.yaml();
    }

    private Result run(Path dir) {
        String exe = resolve();
        try {
            Path err = Files.createTempFile("kubectl", ".err");
            try {
                Process p = new ProcessBuilder(exe, "kustomize", dir.toString())
                        .redirectError(err.toFile()).start();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return new Result(null, "timed out after 60 s");
                }
                if (p.exitValue() != 0) {
                    return new Result(null, Files.readString(err).strip());
                }
                return new Result(new String(out, StandardCharsets.UTF_8), null);
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError(label + " (" + exe + ") cannot be run: " + e.getMessage() + howToGet(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private String resolve() {
        if (binary.contains("/")) {
            if (!Files.isExecutable(Path.of(binary))) {
                throw new AssertionError(label + " not found at " + binary + howToGet());
            }
            return binary;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, binary))) {
                return Path.of(dir, binary).toString();
            }
        }
        throw new AssertionError(label + " '" + binary + "' is not on the PATH" + howToGet());
    }

    private String howToGet() {
        return this == DEBIAN || label.startsWith("Debian")
                ? ". Run ./starling test, which fetches it (apt-get download kubernetes-client; dpkg -x into"
                        + " ~/.cache/starling/kubernetes-client-1.20/root), or pass -Dstarling.kubectl.debian=PATH"
                : ". Install one (apt-get install kubernetes-client, or a current kubectl), or pass"
                        + " -Dstarling.kubectl=PATH; ./starling test does this for you";
    }
}
