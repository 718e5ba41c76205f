package io.cloudmq.controlplane.insight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the samples of chosen metrics from the Prometheus text exposition format (version 0.0.4):
 *
 * <pre>
 * # HELP and # TYPE lines              ignored
 * name{label="value",…} value [time]   label values escape \\, \" and \n
 * name value [time]                    no labels
 * </pre>
 *
 * Lines that do not parse are skipped (a scrape is best effort). Stateless.
 */
final class PrometheusText {
    private PrometheusText() {}

    /** The samples of the metrics named in {@code names}, in text order. */
    static List<MetricSample> parse(String text, Set<String> names) {
        List<MetricSample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            int nameEnd = nameEnd(line);
            if (!names.contains(line.substring(0, nameEnd))) {
                continue;
            }
            MetricSample sample = sample(line, nameEnd);
            if (sample != null) {
                samples.add(sample);
            }
        }
        return samples;
    }

    private static int nameEnd(String line) {
        int end = 0;
        while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
            end++;
        }
        return end;
    }

    private static @Nullable MetricSample sample(String line, int nameEnd) {
        Map<String, String> labels = new HashMap<>();
        int position = nameEnd;
        if (position < line.length() && line.charAt(position) == '{') {
            position = labels(line, position + 1, labels);
            if (position < 0) {
                return null;
            }
        }
        String[] rest = line.substring(position).trim().split(" ");
        try {
            return new MetricSample(line.substring(0, nameEnd), labels, Double.parseDouble(rest[0]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Reads {@code a="x",b="y"}} from {@code position}; returns the position after the brace, -1 if malformed. */
    private static int labels(String line, int start, Map<String, String> labels) {
        int position = start;
        while (position < line.length() && line.charAt(position) != '}') {
            int equals = line.indexOf("=\"", position);
            if (equals < 0) {
                return -1;
            }
            String name = line.substring(position, equals);
            StringBuilder value = new StringBuilder();
            int i = equals + 2;
            for (; i < line.length() && line.charAt(i) != '"'; i++) {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length()) {
                    char escaped = line.charAt(++i);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            if (i >= line.length()) {
                return -1;
            }
            labels.put(name, value.toString());
            position = i + 1;
            if (position < line.length() && line.charAt(position) == ',') {
                position++;
            }
        }
        return position < line.length() ? position + 1 : -1;
    }
}
