package io.cloudmq.controlplane.consumption;

import io.cloudmq.api.consumergroup.OffsetResetTarget;
import io.cloudmq.api.consumergroup.OffsetResetView;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Row of {@code offset_resets} with its queues ({@code offset_reset_queues}): an applied reset, kept 7 days
 * for undo. Not thread-safe; lives in one transaction.
 */
@Entity
@Table(name = "offset_resets")
class OffsetReset {
    @Id
    private UUID id = new UUID(0, 0);

    @Column(name = "instance_id")
    private String instanceId = "";

    @Column(name = "group_name")
    private String groupName = "";

    @Enumerated(EnumType.STRING)
    private OffsetResetTarget target = OffsetResetTarget.LATEST;

    @Column(name = "target_time")
    private @Nullable Instant targetTime;

    @Column(name = "created_at")
    private Instant createdAt = Instant.EPOCH;

    @Column(name = "undone_at")
    private @Nullable Instant undoneAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "offset_reset_queues", joinColumns = @JoinColumn(name = "reset_id"))
    private List<ResetQueue> queues = new ArrayList<>();

    protected OffsetReset() {}

    OffsetReset(UUID id, String instanceId, String groupName, OffsetResetTarget target, @Nullable Instant targetTime,
            Instant createdAt, List<PlannedQueue> applied) {
        this.id = id;
        this.instanceId = instanceId;
        this.groupName = groupName;
        this.target = target;
        this.targetTime = targetTime;
        this.createdAt = createdAt;
        applied.forEach(queue -> queues.add(new ResetQueue(queue.wireTopic(), queue.brokerName(), queue.queueId(),
                queue.currentOffset(), queue.newOffset())));
    }

    UUID id() {
        return id;
    }

    Instant createdAt() {
        return createdAt;
    }

    @Nullable Instant undoneAt() {
        return undoneAt;
    }

    /** The queues as applied: before and after. */
    List<PlannedQueue> queues() {
        return queues.stream().map(ResetQueue::toPlanned).toList();
    }

    void markUndone(Instant now) {
        undoneAt = now;
    }

    OffsetResetView toView() {
        return OffsetResetPlans.view(id.toString(), instanceId, groupName, target, targetTime, false, createdAt,
                undoneAt, OffsetResetPlans.sorted(queues()));
    }
}
