package io.cloudmq.controlplane.consumption;

import io.cloudmq.api.consumergroup.OffsetResetTarget;
import io.cloudmq.api.node.NodeOffsetResetPlan;
import io.cloudmq.api.node.NodeOffsetResetPreview;
import io.cloudmq.api.node.NodeOffsetResetRequest;
import io.cloudmq.api.node.NodeQueueOffset;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.controlplane.node.MasterBrokers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A group's offsets on the master brokers of a cluster, through their admin API ({@code /admin/v1/offset-resets}).
 * A broker that does not know the group yet (404) has nothing to reset; a master that is down or fails refuses
 * the whole call ({@link MasterBrokers}). Never called inside a database transaction. Thread-safe.
 */
@Component
class BrokerOffsets {
    static final String PREVIEW_PATH = "/admin/v1/offset-resets/preview";
    static final String APPLY_PATH = "/admin/v1/offset-resets";

    private final MasterBrokers masters;

    BrokerOffsets(MasterBrokers masters) {
        this.masters = masters;
    }

    /** Every master's plan for moving {@code wireGroup} to {@code target}. */
    List<PlannedQueue> plan(String clusterId, String wireGroup, OffsetResetTarget target, @Nullable Instant timestamp) {
        NodeOffsetResetPreview preview = new NodeOffsetResetPreview(wireGroup, target,
                timestamp == null ? null : timestamp.toEpochMilli());
        List<NodeOffsetResetPlan> plans = new ArrayList<>();
        for (NodeView master : masters.of(clusterId)) {
            masters.post(master, PREVIEW_PATH, preview, NodeOffsetResetPlan.class).ifPresent(plans::add);
        }
        return OffsetResetPlans.merge(plans);
    }

    /** Sets the new offsets of {@code queues} on their masters; answers what each master applied. */
    List<PlannedQueue> apply(String clusterId, String wireGroup, List<PlannedQueue> queues) {
        Map<String, List<NodeQueueOffset>> byBroker = queues.stream().collect(Collectors.groupingBy(
                PlannedQueue::brokerName, Collectors.mapping(
                        queue -> new NodeQueueOffset(queue.wireTopic(), queue.queueId(), queue.newOffset()),
                        Collectors.toList())));
        List<NodeOffsetResetPlan> applied = new ArrayList<>();
        for (NodeView master : masters.of(clusterId)) {
            List<NodeQueueOffset> targets = byBroker.get(master.brokerName());
            if (targets != null) {
                masters.post(master, APPLY_PATH, new NodeOffsetResetRequest(wireGroup, targets), NodeOffsetResetPlan.class)
                        .ifPresent(applied::add);
            }
        }
        return OffsetResetPlans.merge(applied);
    }
}
