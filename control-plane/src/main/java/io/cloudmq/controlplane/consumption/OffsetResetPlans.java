package io.cloudmq.controlplane.consumption;

import io.cloudmq.api.consumergroup.OffsetResetTarget;
import io.cloudmq.api.consumergroup.OffsetResetView;
import io.cloudmq.api.consumergroup.QueueOffsetResetView;
import io.cloudmq.api.node.NodeOffsetResetPlan;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The arithmetic of a reset: merging the brokers' plans and summing what is skipped or redelivered. Stateless. */
final class OffsetResetPlans {
    private static final Comparator<PlannedQueue> ORDER = Comparator.comparing(PlannedQueue::wireTopic)
            .thenComparing(PlannedQueue::brokerName).thenComparingInt(PlannedQueue::queueId);

    private OffsetResetPlans() {}

    /** Every queue of the brokers' plans, ordered by topic, broker group and queue id. */
    static List<PlannedQueue> merge(List<NodeOffsetResetPlan> plans) {
        return sorted(plans.stream()
                .flatMap(plan -> plan.queues().stream().map(queue -> new PlannedQueue(queue.topic(), plan.brokerName(),
                        queue.queueId(), queue.currentOffset(), queue.newOffset())))
                .toList());
    }

    /** {@code queues} ordered by topic, broker group and queue id. */
    static List<PlannedQueue> sorted(List<PlannedQueue> queues) {
        return queues.stream().sorted(ORDER).toList();
    }

    /** The view of a reset over {@code queues}, with the totals. */
    static OffsetResetView view(@Nullable String id, String instanceId, String group, OffsetResetTarget target,
            @Nullable Instant timestamp, boolean dryRun, Instant createdAt, @Nullable Instant undoneAt,
            List<PlannedQueue> queues) {
        List<QueueOffsetResetView> views = queues.stream().map(queue -> queue.toView(instanceId)).toList();
        return new OffsetResetView(id, group, target, timestamp, dryRun, createdAt, undoneAt, views,
                views.stream().mapToLong(QueueOffsetResetView::skipped).sum(),
                views.stream().mapToLong(QueueOffsetResetView::redelivered).sum());
    }
}
