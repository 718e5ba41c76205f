package io.cloudmq.api.node;

import java.util.List;

/**
 * Body of {@code PUT /admin/v1/desired-state}: everything the control plane wants a node to serve.
 * Idempotent: a node persists the latest state it accepted and keeps serving from it while the
 * control plane is away; a generation lower than the applied one is ignored.
 *
 * @param generation monotonically increasing version of the desired state
 * @param topics topics with their wire names (namespace included)
 * @param groups consumer groups with their wire names (namespace included)
 */
public record DesiredState(long generation, List<DesiredTopic> topics, List<DesiredGroup> groups) {
    public DesiredState {
        topics = List.copyOf(topics);
        groups = List.copyOf(groups);
    }
}
