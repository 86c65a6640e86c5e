package io.starlingmq.bench.brokers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Reads one counter out of Prometheus' text exposition format, as Quarkus serves it on {@code /q/metrics}.
 * Hand-written because it needs a dozen lines: Micrometer's dotted name becomes underscores, a counter
 * gets {@code _total}, and samples of the same name with different labels are summed.
 */
public final class PrometheusText {

    private PrometheusText() {
    }

    /**
     * @param meter Micrometer's name, e.g. {@code starling.router.messages.dropped}
     * @return the sum over all label sets, empty when the text has no sample of that meter
     */
    public static OptionalDouble counter(String text, String meter) {
        double sum = 0;
        boolean found = false;
        for (Sample sample : samples(text, meter)) {
            sum += value(sample.line(), sample.nameEnd());
            found = true;
        }
        return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }

    /**
     * One counter per value of one label, e.g. the gateway's drops by {@code reason}: samples that differ in
     * other labels are summed; samples without the label count under {@link #NO_LABEL}.
     *
     * @return empty when the text has no sample of that meter
     */
    public static Map<String, Double> counterByLabel(String text, String meter, String label) {
        Map<String, Double> sums = new TreeMap<>();
        for (Sample sample : samples(text, meter)) {
            String value = labelValue(sample.line(), sample.nameEnd(), label);
            sums.merge(value == null ? NO_LABEL : value, value(sample.line(), sample.nameEnd()), Double::sum);
        }
        return sums;
    }

    /** One sample line of a meter, and where its name ends (labels or value follow). */
    private record Sample(String line, int nameEnd) {
    }

    /** The sample lines of a meter (Micrometer's dotted name, with or without a counter's {@code _total}). */
    private static List<Sample> samples(String text, String meter) {
        String base = meter.replace('.', '_');
        List<Sample> samples = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int nameEnd = nameEnd(line);
            String name = line.substring(0, nameEnd);
            if (name.equals(base) || name.equals(base + "_total")) {
                samples.add(new Sample(line, nameEnd));
            }
        }
        return samples;
    }

    /** The key of samples that lack the label asked for. */
    public static final String NO_LABEL = "";

    /** The value of {@code label} in the sample's {@code {a="x",b="y"}}, unescaped; null when absent. */
    static String labelValue(String line, int nameEnd, String label) {
        if (nameEnd >= line.length() || line.charAt(nameEnd) != '{') {
            return null;
        }
        int i = nameEnd + 1;
        while (i < line.length() && line.charAt(i) != '}') {
            int eq = line.indexOf('=', i);
            if (eq < 0 || eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
                throw new IllegalArgumentException("malformed labels in metrics line: " + line);
            }
            String key = line.substring(i, eq).strip();
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            for (; j < line.length() && line.charAt(j) != '"'; j++) {
                char ch = line.charAt(j);
                if (ch == '\\' && j + 1 < line.length()) {
                    char next = line.charAt(++j);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(ch);
                }
            }
            if (j >= line.length()) {
                throw new IllegalArgumentException("unterminated label value in metrics line: " + line);
            }
            if (key.equals(label)) {
                return value.toString();
            }
            i = j + 1;
            if (i < line.length() && line.charAt(i) == ',') {
                i++;
            }
        }
        return null;
    }

    private static int nameEnd(String line) {
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '{' || ch == ' ' || ch == '\t') {
                return i;
            }
        }
        return line.length();
    }

    /** The value follows the labels (which may contain spaces inside quotes) and precedes an optional timestamp. */
    private static double value(String line, int nameEnd) {
        int from = nameEnd;
        if (from < line.length() && line.charAt(from) == '{') {
            int close = line.lastIndexOf('}');
            if (close < from) {
                throw new IllegalArgumentException("unterminated labels in metrics line: " + line);
            }
            from = close + 1;
        }
        String[] fields = line.substring(from).strip().split("\\s+");
        if (fields.length == 0 || fields[0].isEmpty()) {
            throw new IllegalArgumentException("no value in metrics line: " + line);
        }
        try {
            return Double.parseDouble(fields[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number in metrics line: " + line, e);
        }
    }
}
