package io.cloudmq.controlplane.node;

import io.cloudmq.api.node.NodeRole;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.controlplane.shared.error.DomainException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Calls to the admin API of a cluster's master brokers (broker id 0), for operations that need every broker
 * group: a master that is down, or answers anything but 200 or 404, refuses the operation with 503
 * {@code node-unavailable}. Never called inside a database transaction. Thread-safe.
 */
@Component
public class MasterBrokers {
    private final NodeService nodes;
    private final NodeAdminClient admin;

    MasterBrokers(NodeService nodes, NodeAdminClient admin) {
        this.nodes = nodes;
        this.admin = admin;
    }

    /** The masters of the cluster, all UP; 503 if one is not. */
    public List<NodeView> of(String clusterId) {
        List<NodeView> masters = nodes.list(clusterId).stream()
                .filter(node -> node.role() == NodeRole.BROKER && Integer.valueOf(0).equals(node.brokerId()))
                .toList();
        masters.stream().filter(node -> node.state() != NodeState.UP).findFirst().ifPresent(down -> {
            throw new DomainException(ErrorCode.NODE_UNAVAILABLE, "broker " + down.nodeId() + " is " + down.state());
        });
        return masters;
    }

    /** POSTs {@code body} to {@code path} of {@code master}: its answer, empty on 404 (it does not know the group). */
    public <T> Optional<T> post(NodeView master, String path, Object body, Class<T> answerType) {
        NodeAdminResult<T> result = admin.post(master.adminUrl(), path, body, answerType);
        if (result.ok()) {
            return Optional.ofNullable(result.body());
        }
        if (result.status() == 404) {
            return Optional.empty();
        }
        throw new DomainException(ErrorCode.NODE_UNAVAILABLE,
                "broker " + master.nodeId() + " refused " + path + ": " + result.error());
    }
}
