package io.starlingmq.bench.brokers;

import java.util.OptionalDouble;

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
        String base = meter.replace('.', '_');
        double sum = 0;
        boolean found = false;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int nameEnd = nameEnd(line);
            String name = line.substring(0, nameEnd);
            if (!name.equals(base) && !name.equals(base + "_total")) {
                continue;
            }
            sum += value(line, nameEnd);
            found = true;
        }
        return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
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
