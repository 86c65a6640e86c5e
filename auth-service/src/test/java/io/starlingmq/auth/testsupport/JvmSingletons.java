package io.starlingmq.auth.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One started server per JVM. Quarkus may load test-support classes in more than one class loader,
 * so a static field is not enough: a started server's coordinates are kept as a system property,
 * which every class loader shares. Only strings go there, since libraries read the whole table
 * as strings (Narayana fails on anything else).
 */
final class JvmSingletons {

    private static final String PREFIX = "starling.test.singleton.";

    private JvmSingletons() {
    }

    static Map<String, String> get(String name, Supplier<Map<String, String>> start) {
        var table = System.getProperties();
        synchronized (table) {
            String existing = table.getProperty(PREFIX + name);
            if (existing != null) {
                return decode(existing);
            }
            Map<String, String> started = start.get();
            table.setProperty(PREFIX + name, encode(started));
            return Map.copyOf(started);
        }
    }

    /** Keys and values here are ports, URLs and paths: neither contains a newline. */
    private static String encode(Map<String, String> values) {
        StringBuilder text = new StringBuilder();
        values.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    private static Map<String, String> decode(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            values.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return Map.copyOf(values);
    }
}
