package io.starlingmq.k8s;

import io.fabric8.kubernetes.api.model.Container;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The five Starling apps: their module folder and application name (also their image name). */
enum App {
    GATEWAY("gateway", "starling-gateway", null),
    ROUTER("services/router", "starling-router", null),
    AUTH_SERVICE("auth-service", "starling-auth-service", null),
    OPS("ops", "starling-ops", null),
    BRIDGE("services/bridge", "starling-bridge", "starling.bridge.rules.");

    final String module;
    final String applicationName;
    /**
     * Properties under this prefix are read raw, by their names, from a file quarkus.config.locations names (the
     * bridge's rules: its RuleSource), not through a @ConfigMapping; null: the app has none.
     */
    final String rulesPrefix;

    App(String module, String applicationName, String rulesPrefix) {
        this.module = module;
        this.applicationName = applicationName;
        this.rulesPrefix = rulesPrefix;
    }

    Path moduleDir() {
        return Repo.ROOT.resolve(module);
    }

    Path quarkusApp() {
        return moduleDir().resolve("target/quarkus-app");
    }

    /** src/main/resources/application.properties, as the app ships it. */
    Properties applicationProperties() {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(moduleDir().resolve("src/main/resources/application.properties"))) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The app a container runs, by its image's repository name (registry/group/NAME:tag); null for others. */
    static App of(Container c) {
        String name = repositoryName(c.getImage());
        for (App a : values()) {
            if (a.applicationName.equals(name)) {
                return a;
            }
        }
        return null;
    }

    /** registry.example:5000/group/name:tag@sha256:... gives name. */
    static String repositoryName(String image) {
        if (image == null) {
            return "";
        }
        String s = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        s = s.substring(s.lastIndexOf('/') + 1);
        return s.contains(":") ? s.substring(0, s.indexOf(':')) : s;
    }
}
