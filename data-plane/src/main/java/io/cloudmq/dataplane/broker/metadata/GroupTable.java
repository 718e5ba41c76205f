package io.cloudmq.dataplane.broker.metadata;

import io.cloudmq.api.node.DesiredGroup;
import io.cloudmq.api.node.DesiredState;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The consumer groups this broker serves, exactly those of the desired state (a managed service: a group
 * exists only when created through the API). Thread-safe: readers see an immutable snapshot.
 */
public final class GroupTable {
    private volatile Map<String, DesiredGroup> groups = Map.of();

    public void apply(DesiredState state) {
        groups = state.groups().stream().collect(Collectors.toUnmodifiableMap(DesiredGroup::name, Function.identity(),
                (first, second) -> second));
    }

    public Optional<DesiredGroup> find(String group) {
        return Optional.ofNullable(groups.get(group));
    }

    public boolean exists(String group) {
        return groups.containsKey(group);
    }
}
