package io.cloudmq.dataplane.broker.read;

import io.cloudmq.api.node.DesiredGroup;
import io.cloudmq.api.node.DesiredState;
import io.cloudmq.dataplane.broker.processor.InstanceLabel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One gauge {@code cloudmq_group_lag{instance, group}} per consumer group of the desired state: the messages
 * the group has still to consume on this broker ({@link BrokerReadModel#groupLag}), computed from the offsets
 * at every scrape. Gauges of groups that leave the desired state are removed. Thread-safe: {@link #apply} is
 * serialised by the object's monitor; scrapes read the model concurrently.
 */
public final class GroupLagMeters {
    private final MeterRegistry registry;
    private final BrokerReadModel reads;
    private final Map<String, Gauge> gauges = new HashMap<>();

    public GroupLagMeters(MeterRegistry registry, BrokerReadModel reads) {
        this.registry = registry;
        this.reads = reads;
    }

    /** Keeps one gauge per group of {@code state}. */
    public synchronized void apply(DesiredState state) {
        Set<String> wanted = state.groups().stream().map(DesiredGroup::name).collect(Collectors.toSet());
        gauges.entrySet().removeIf(entry -> {
            if (wanted.contains(entry.getKey())) {
                return false;
            }
            registry.remove(entry.getValue());
            return true;
        });
        for (String group : wanted) {
            gauges.computeIfAbsent(group, name -> Gauge.builder("cloudmq.group.lag", reads, model -> model.groupLag(name))
                    .description("Messages a consumer group has still to consume on this broker")
                    .tag("instance", InstanceLabel.of(name))
                    .tag("group", name)
                    .register(registry));
        }
    }
}
