package io.cloudmq.controlplane.consumption;

import io.cloudmq.api.common.PageView;
import io.cloudmq.api.consumergroup.OffsetResetRequest;
import io.cloudmq.api.consumergroup.OffsetResetTarget;
import io.cloudmq.api.consumergroup.OffsetResetView;
import io.cloudmq.controlplane.consumergroup.ConsumerGroupService;
import io.cloudmq.controlplane.shared.error.InvalidFieldException;
import io.cloudmq.controlplane.shared.web.PageCursor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Use cases of offset resets. A dry run only asks the master brokers for their plan; an applied reset checks
 * the upgrade lock (423) in a short transaction, plans and applies on the brokers outside any transaction, then
 * records the offsets before and after for undo. Undo restores the recorded previous offsets. Thread-safe.
 */
@Service
class OffsetResetService {
    private final OffsetResetRecords records;
    private final ConsumerGroupService groups;
    private final BrokerOffsets brokers;
    private final Clock clock;

    OffsetResetService(OffsetResetRecords records, ConsumerGroupService groups, BrokerOffsets brokers, Clock clock) {
        this.records = records;
        this.groups = groups;
        this.brokers = brokers;
        this.clock = clock;
    }

    OffsetResetView reset(String instanceId, String group, OffsetResetRequest request) {
        Instant timestamp = request.target() == OffsetResetTarget.TIMESTAMP ? request.timestamp() : null;
        if (request.target() == OffsetResetTarget.TIMESTAMP && timestamp == null) {
            throw new InvalidFieldException("timestamp", "is required for target TIMESTAMP");
        }
        String wireGroup = WireNames.of(instanceId, group);
        if (Boolean.TRUE.equals(request.dryRun())) {
            List<PlannedQueue> plan = brokers.plan(groups.clusterOf(instanceId, group), wireGroup, request.target(),
                    timestamp);
            return OffsetResetPlans.view(null, instanceId, group, request.target(), timestamp, true, clock.instant(),
                    null, plan);
        }
        String cluster = records.clusterForChange(instanceId, group);
        List<PlannedQueue> applied = brokers.apply(cluster, wireGroup,
                brokers.plan(cluster, wireGroup, request.target(), timestamp));
        return records.record(instanceId, group, request.target(), timestamp, applied);
    }

    PageView<OffsetResetView> list(String instanceId, String group, PageCursor cursor) {
        return records.list(instanceId, group, cursor);
    }

    OffsetResetView undo(String instanceId, String group, String resetId) {
        List<PlannedQueue> restore = records.undoable(instanceId, group, resetId).stream()
                .map(queue -> new PlannedQueue(queue.wireTopic(), queue.brokerName(), queue.queueId(),
                        queue.newOffset(), queue.currentOffset()))
                .toList();
        brokers.apply(groups.clusterOf(instanceId, group), WireNames.of(instanceId, group), restore);
        return records.markUndone(instanceId, group, resetId);
    }
}
