package io.starlingmq.k8s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Grafana dashboards under k8s/components: each must parse as JSON, and every metric name its PromQL
 * uses (panel targets' {@code expr}, and the metric of a {@code label_values(...)} variable) must be one
 * that docs/metrics.md names, so a dashboard cannot drift from what the parts expose or are to expose.
 */
final class Dashboards {

    static final Path INVENTORY = Repo.ROOT.resolve("docs/metrics.md");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A backticked metric name in an inventory table's first column (several may share a cell). */
    private static final Pattern INVENTORY_NAME = Pattern.compile("`([a-zA-Z_:][a-zA-Z0-9_:]*)`");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,");
    /** A histogram's or summary's series are the family name with one of these. */
    private static final List<String> FAMILY_SUFFIXES = List.of("_bucket", "_count", "_sum", "_max");
    /** PromQL's words that are not functions called with parentheses right after them and not metrics. */
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan");

    private Dashboards() {}

    /** Every {@code *.json} in the add-on folders. */
    static List<Path> all() {
        List<Path> files = new ArrayList<>();
        for (Path addOn : Repo.addOns()) {
            try (Stream<Path> s = Files.list(addOn)) {
                s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** The metric names docs/metrics.md's tables name (first column). */
    static Set<String> inventory(Path markdown) {
        Set<String> names = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(markdown)) {
                if (!line.startsWith("| `")) {
                    continue;
                }
                String firstCell = line.substring(1, line.indexOf('|', 1));
                Matcher m = INVENTORY_NAME.matcher(firstCell);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** What is wrong with one dashboard file against the inventory: empty when nothing. */
    static List<String> faults(Path dashboard, Set<String> inventory) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(dashboard));
        } catch (JsonProcessingException e) {
            return List.of(Repo.relative(dashboard) + ": not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> faults = new ArrayList<>();
        if (!root.path("panels").isArray() || root.path("panels").isEmpty()) {
            faults.add(Repo.relative(dashboard) + ": no panels");
        }
        for (Map.Entry<String, String> query : queries(root, "").entrySet()) {
            for (String metric : metricNames(query.getValue())) {
                if (!inventory.contains(metric) && !inventory.contains(family(metric))) {
                    faults.add(Repo.relative(dashboard) + " " + query.getKey() + ": metric " + metric
                            + " is not in docs/metrics.md");
                }
            }
        }
        return faults;
    }

    /** Every PromQL text of the dashboard, keyed by where it is (a panel's title and refId, or a variable). */
    static Map<String, String> queries(JsonNode node, String where) {
        Map<String, String> found = new java.util.LinkedHashMap<>();
        if (node.isObject()) {
            String here = node.has("title") ? "panel \"" + node.get("title").asText() + "\"" : where;
            if (node.has("name") && node.has("type") && node.path("type").asText().equals("query")) {
                here = "variable " + node.get("name").asText();
            }
            if (node.path("expr").isTextual()) {
                found.put(here + " " + node.path("refId").asText(), node.get("expr").asText());
            }
            if (here.startsWith("variable ") && node.has("query")) {
                JsonNode query = node.get("query");
                String text = query.isTextual() ? query.asText() : query.path("query").asText();
                Matcher m = LABEL_VALUES.matcher(text);
                if (m.find()) {
                    found.put(here, m.group(1));
                }
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getKey().equals("query")) {
                    found.putAll(queries(field.getValue(), here));
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                found.putAll(queries(element, where));
            }
        }
        return found;
    }

    /**
     * The metric names of a PromQL expression: identifiers left once string literals, label matchers
     * ({@code {...}}), ranges ({@code [...]}) and the label lists of {@code by}/{@code without}/{@code on}/
     * {@code ignoring}/{@code group_*} are removed, that are not a function (followed by a parenthesis),
     * a keyword or a number.
     */
    static Set<String> metricNames(String promql) {
        String text = promql.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(text);
        while (m.find()) {
            String word = m.group();
            int after = m.end();
            while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
                after++;
            }
            boolean function = after < text.length() && text.charAt(after) == '(';
            boolean partOfNumber = m.start() > 0 && (Character.isDigit(text.charAt(m.start() - 1))
                    || text.charAt(m.start() - 1) == '.');
            if (!function && !partOfNumber && !KEYWORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                names.add(word);
            }
        }
        return names;
    }

    /** The histogram or summary a series belongs to, or the name itself. */
    private static String family(String metric) {
        for (String suffix : FAMILY_SUFFIXES) {
            if (metric.endsWith(suffix)) {
                return metric.substring(0, metric.length() - suffix.length());
            }
        }
        return metric;
    }
}
