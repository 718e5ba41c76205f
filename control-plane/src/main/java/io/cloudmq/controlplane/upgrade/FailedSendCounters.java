package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.upgrade.ObservedProducerGroup;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a broker's {@code cloudmq_broker_failed_sends_total} counters from its {@code /admin/v1/metrics}
 * (Prometheus text format): one sample line per producer group that had a send answered with a non-success
 * code since the process started.
 *
 * <table>
 *   <caption>the sample line read</caption>
 *   <tr><th>part</th><th>content</th></tr>
 *   <tr><td>name</td><td>{@code cloudmq_broker_failed_sends_total}</td></tr>
 *   <tr><td>labels</td><td>{@code instance="<instance id>"}, {@code producer_group="<group without namespace>"},
 *       in any order</td></tr>
 *   <tr><td>value</td><td>the count since the process started, as a floating-point number</td></tr>
 * </table>
 *
 * Stateless.
 */
final class FailedSendCounters {
    static final String METRIC = "cloudmq_broker_failed_sends_total";
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private FailedSendCounters() {}

    /** The counters in {@code metrics} by group; lines of other meters are ignored. */
    static Map<ObservedProducerGroup, Long> parse(String metrics) {
        Map<ObservedProducerGroup, Long> counters = new HashMap<>();
        for (String line : metrics.split("\n")) {
            if (!line.startsWith(METRIC + "{")) {
                continue;
            }
            int labelsEnd = line.lastIndexOf('}');
            Map<String, String> labels = labels(line.substring(METRIC.length() + 1, labelsEnd));
            String instance = labels.get("instance");
            String group = labels.get("producer_group");
            if (instance != null && group != null) {
                long value = (long) Double.parseDouble(line.substring(labelsEnd + 1).trim().split(" ")[0]);
                counters.merge(new ObservedProducerGroup(instance, group), value, Long::sum);
            }
        }
        return counters;
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new HashMap<>();
        Matcher matcher = LABEL.matcher(text);
        while (matcher.find()) {
            labels.put(matcher.group(1), matcher.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return labels;
    }
}
