package io.starlingmq.systemtests.bridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A bridge's rules file, written as an operator would: {@code starling.bridge.rules.<rule>.<key>=<value>}. */
final class BridgeRules {

    private final Map<String, String> lines = new LinkedHashMap<>();

    BridgeRules rule(String rule, Map<String, String> settings) {
        settings.forEach((key, value) -> lines.put("starling.bridge.rules." + rule + "." + key, value));
        return this;
    }

    Path writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("bridge-rules.properties");
        Files.writeString(file, lines.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n")));
        return file;
    }
}
