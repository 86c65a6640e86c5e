package io.starlingmq.launcher.up;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The gateways of an 'up --gateways' run, in {@code .starling/run} beside the pid files, so that
 * {@code ./starling scale} (another process) can start more with the same settings and put them behind
 * the same load balancers: the environment they share ({@code gateways.env}), each gateway's ports
 * ({@code gateway-N.ports}: MQTT, TLS, WS, WSS, then HTTP) and, while one drains away, a
 * {@code gateway-N.leaving} naming its pid, so the 'up' watching its processes knows the exit is wanted.
 */
record FleetRecords(Path dir) {

    private static final String ENVIRONMENT = "gateways.env";

    boolean exists() {
        return Files.exists(dir.resolve(ENVIRONMENT));
    }

    void recordEnvironment(Map<String, String> env) {
        Properties properties = new Properties();
        properties.putAll(env);
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "the environment every gateway of this run shares (ports aside)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RunDirectory.writeFile(dir.resolve(ENVIRONMENT), text.toString());
    }

    Map<String, String> environment() {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Files.readString(dir.resolve(ENVIRONMENT))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(key -> env.put(key, properties.getProperty(key)));
        return env;
    }

    void record(LocalGateway gateway) {
        RunDirectory.writeFile(portsFile(gateway.name()), gateway.ports().toLine() + " " + gateway.httpPort() + "\n");
    }

    /** Every recorded gateway, by index. */
    List<LocalGateway> gateways() {
        List<LocalGateway> gateways = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return gateways;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("gateway-\\d+\\.ports")).toList()) {
                String name = file.getFileName().toString().replace(".ports", "");
                String line = Files.readString(file).trim();
                int http = line.lastIndexOf(' ');
                gateways.add(new LocalGateway(name, ListenerPorts.parse(line.substring(0, http)),
                        Integer.parseInt(line.substring(http + 1))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        gateways.sort(Comparator.comparingInt(LocalGateway::index));
        return gateways;
    }

    void markLeaving(String name, long pid) {
        RunDirectory.writeFile(dir.resolve(name + ".leaving"), pid + "\n");
    }

    /** The pid of the gateway {@code name} that is draining away on purpose, if one is. */
    OptionalLong leaving(String name) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(dir.resolve(name + ".leaving")).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    void forget(String name) {
        RunDirectory.delete(portsFile(name));
        RunDirectory.delete(dir.resolve(name + ".leaving"));
    }

    /** Removes every record, once the run is stopped. */
    void clear() {
        gateways().forEach(g -> forget(g.name()));
        RunDirectory.delete(dir.resolve(ENVIRONMENT));
    }

    private Path portsFile(String name) {
        return dir.resolve(name + ".ports");
    }
}
