package io.cloudmq.controlplane.offsetreset;

import io.cloudmq.api.consumergroup.OffsetResetTarget;
import io.cloudmq.api.node.NodeOffsetResetPlan;
import io.cloudmq.api.node.NodeOffsetResetPreview;
import io.cloudmq.api.node.NodeOffsetResetRequest;
import io.cloudmq.api.node.NodeQueueOffset;
import io.cloudmq.api.node.NodeRole;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.controlplane.node.NodeAdminClient;
import io.cloudmq.controlplane.node.NodeAdminResult;
import io.cloudmq.controlplane.node.NodeService;
import io.cloudmq.controlplane.shared.error.DomainException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A group's offsets on the master brokers of a cluster, through their admin API ({@code /admin/v1/offset-resets}).
 * A broker that does not know the group yet (404) has nothing to reset; a master that is down or fails refuses
 * the whole call with 503 {@code node-unavailable}, before anything is applied when it is a plan. Never called
 * inside a database transaction. Thread-safe.
 */
@Component
class BrokerOffsets {
    static final String PREVIEW_PATH = "/admin/v1/offset-resets/preview";
    static final String APPLY_PATH = "/admin/v1/offset-resets";

    private final NodeService nodes;
    private final NodeAdminClient admin;

    BrokerOffsets(NodeService nodes, NodeAdminClient admin) {
        this.nodes = nodes;
        this.admin = admin;
    }

    /** Every master's plan for moving {@code wireGroup} to {@code target}. */
    List<PlannedQueue> plan(String clusterId, String wireGroup, OffsetResetTarget target, @Nullable Instant timestamp) {
        NodeOffsetResetPreview preview = new NodeOffsetResetPreview(wireGroup, target,
                timestamp == null ? null : timestamp.toEpochMilli());
        List<NodeOffsetResetPlan> plans = new ArrayList<>();
        for (NodeView master : masters(clusterId)) {
            call(master, PREVIEW_PATH, preview).ifPresent(plans::add);
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
        for (NodeView master : masters(clusterId)) {
            List<NodeQueueOffset> targets = byBroker.get(master.brokerName());
            if (targets != null) {
                call(master, APPLY_PATH, new NodeOffsetResetRequest(wireGroup, targets)).ifPresent(applied::add);
            }
        }
        return OffsetResetPlans.merge(applied);
    }

    private Optional<NodeOffsetResetPlan> call(NodeView master, String path, Object body) {
        NodeAdminResult<NodeOffsetResetPlan> result = admin.post(master.adminUrl(), path, body,
                NodeOffsetResetPlan.class);
        if (result.ok()) {
            return Optional.ofNullable(result.body());
        }
        if (result.status() == 404) {
            return Optional.empty();
        }
        throw new DomainException(ErrorCode.NODE_UNAVAILABLE,
                "broker " + master.nodeId() + " did not reset offsets: " + result.error());
    }

    private List<NodeView> masters(String clusterId) {
        List<NodeView> masters = nodes.list(clusterId).stream()
                .filter(node -> node.role() == NodeRole.BROKER && Integer.valueOf(0).equals(node.brokerId()))
                .toList();
        masters.stream().filter(node -> node.state() != NodeState.UP).findFirst().ifPresent(down -> {
            throw new DomainException(ErrorCode.NODE_UNAVAILABLE, "broker " + down.nodeId() + " is " + down.state());
        });
        return masters;
    }
}
