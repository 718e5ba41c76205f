package io.cloudmq.dataplane.broker.read;

import io.cloudmq.api.node.DesiredGroup;
import io.cloudmq.api.node.DesiredState;
import io.cloudmq.dataplane.broker.processor.InstanceLabel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Three gauges per consumer group of the desired state, labelled {@code instance} and {@code group} and computed
 * from the offsets and the store at every scrape:
 *
 * <table>
 *   <caption>group gauges</caption>
 *   <tr><th>metric</th><th>value</th></tr>
 *   <tr><td>{@code cloudmq_group_lag}</td><td>messages the group has still to consume on this broker
 *       ({@link BrokerReadModel#groupLag})</td></tr>
 *   <tr><td>{@code cloudmq_group_retry_backlog}</td><td>failed messages waiting for a retry: unconsumed in
 *       {@code %RETRY%<group>} plus parked in the schedule topic ({@link BrokerReadModel#retryBacklog})</td></tr>
 *   <tr><td>{@code cloudmq_group_dead_letters}</td><td>messages stored in {@code %DLQ%<group>}
 *       ({@link BrokerReadModel#deadLetters})</td></tr>
 * </table>
 *
 * Gauges of groups that leave the desired state are removed. Thread-safe: {@link #apply} is serialised by the
 * object's monitor; scrapes read the model concurrently.
 */
public final class GroupMeters {
    private final MeterRegistry registry;
    private final BrokerReadModel reads;
    private final Map<String, List<Gauge>> gauges = new HashMap<>();

    public GroupMeters(MeterRegistry registry, BrokerReadModel reads) {
        this.registry = registry;
        this.reads = reads;
    }

    /** Keeps the gauges of every group of {@code state}. */
    public synchronized void apply(DesiredState state) {
        Set<String> wanted = state.groups().stream().map(DesiredGroup::name).collect(Collectors.toSet());
        gauges.entrySet().removeIf(entry -> {
            if (wanted.contains(entry.getKey())) {
                return false;
            }
            entry.getValue().forEach(registry::remove);
            return true;
        });
        for (String group : wanted) {
            gauges.computeIfAbsent(group, name -> List.of(
                    gauge("cloudmq.group.lag", "Messages a consumer group has still to consume on this broker", name,
                            model -> model.groupLag(name)),
                    gauge("cloudmq.group.retry.backlog",
                            "Failed messages of a consumer group waiting for a retry on this broker", name,
                            model -> model.retryBacklog(name)),
                    gauge("cloudmq.group.dead.letters", "Messages in a consumer group's dead-letter topic on this broker",
                            name, model -> model.deadLetters(name))));
        }
    }

    private Gauge gauge(String metric, String description, String group, ToDoubleFunction<BrokerReadModel> value) {
        return Gauge.builder(metric, reads, value)
                .description(description)
                .tag("instance", InstanceLabel.of(group))
                .tag("group", group)
                .register(registry);
    }
}
