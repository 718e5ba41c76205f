package io.cloudmq.controlplane.failover;

import io.cloudmq.controlplane.node.BrokerGroupLeadership;
import io.cloudmq.controlplane.node.NodeService;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The broker groups' epochs and masters after failovers ({@code broker_group_epochs}). A promotion is
 * recorded with the node registry's broker-id swap in one transaction, before the node is told, so the
 * launcher never restarts a deposed master as master. Thread-safe.
 */
@Service
public class GroupEpochService implements BrokerGroupLeadership {
    private final BrokerGroupEpochRepository epochs;
    private final NodeService nodes;
    private final Clock clock;

    GroupEpochService(BrokerGroupEpochRepository epochs, NodeService nodes, Clock clock) {
        this.epochs = epochs;
        this.nodes = nodes;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<GroupLeader> leaderOf(String clusterId, String brokerName) {
        return epochs.findById(new GroupKey(clusterId, brokerName))
                .map(epoch -> new GroupLeader(epoch.masterNodeId(), epoch.epoch()));
    }

    /**
     * Records that {@code nodeId} leads {@code brokerName} from {@code epoch} on and gives it broker id 0 in
     * the registry (the deposed master takes its former id).
     *
     * @return false, changing nothing, if the group's recorded epoch is not older than {@code epoch}
     */
    @Transactional
    public boolean recordPromotion(String clusterId, String brokerName, String nodeId, long epoch) {
        GroupKey key = new GroupKey(clusterId, brokerName);
        Optional<BrokerGroupEpoch> existing = epochs.findById(key);
        if (existing.isPresent()) {
            if (!existing.get().promote(nodeId, epoch, clock.instant())) {
                return false;
            }
        } else {
            epochs.save(new BrokerGroupEpoch(key, epoch, nodeId, clock.instant()));
        }
        nodes.assignMaster(clusterId, brokerName, nodeId);
        return true;
    }
}
