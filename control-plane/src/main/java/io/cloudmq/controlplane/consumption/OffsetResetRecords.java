package io.cloudmq.controlplane.consumption;

import io.cloudmq.api.common.PageView;
import io.cloudmq.api.consumergroup.OffsetResetTarget;
import io.cloudmq.api.consumergroup.OffsetResetView;
import io.cloudmq.api.instance.InstanceView;
import io.cloudmq.controlplane.consumergroup.ConsumerGroupService;
import io.cloudmq.controlplane.instance.InstanceService;
import io.cloudmq.controlplane.shared.error.InvalidFieldException;
import io.cloudmq.controlplane.shared.error.ResourceNotFoundException;
import io.cloudmq.controlplane.shared.error.StateConflictException;
import io.cloudmq.controlplane.shared.id.UuidV7;
import io.cloudmq.controlplane.shared.web.PageCursor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The database side of offset resets, one transaction per method: checking that the instance and group exist
 * (and, for changes, that no upgrade lock holds the instance: 423), recording applied resets, deciding whether
 * one may be undone, and purging those older than {@link #RETENTION}. Thread-safe.
 */
@Component
class OffsetResetRecords {
    /** How long an applied reset is kept, and so can be undone. */
    static final Duration RETENTION = Duration.ofDays(7);

    private final OffsetResetRepository resets;
    private final InstanceService instances;
    private final ConsumerGroupService groups;
    private final Clock clock;

    OffsetResetRecords(OffsetResetRepository resets, InstanceService instances, ConsumerGroupService groups,
            Clock clock) {
        this.resets = resets;
        this.instances = instances;
        this.groups = groups;
        this.clock = clock;
    }

    /** As {@link ConsumerGroupService#clusterOf}, and refused with 423 while an upgrade lock holds the instance. */
    @Transactional
    public String clusterForChange(String instanceId, String group) {
        InstanceView instance = instances.lockForMutation(instanceId);
        groups.get(instanceId, group);
        return instance.cluster();
    }

    @Transactional
    public OffsetResetView record(String instanceId, String group, OffsetResetTarget target, @Nullable Instant timestamp,
            List<PlannedQueue> applied) {
        Instant now = clock.instant();
        return resets.save(new OffsetReset(UuidV7.at(now), instanceId, group, target, timestamp, now, applied)).toView();
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public PageView<OffsetResetView> list(String instanceId, String group, PageCursor cursor) {
        groups.clusterOf(instanceId, group);
        Limit limit = Limit.of(cursor.fetchSize());
        List<OffsetReset> rows = cursor.after() == null
                ? resets.findByInstanceIdAndGroupNameOrderByIdDesc(instanceId, group, limit)
                : resets.findByInstanceIdAndGroupNameAndIdLessThanOrderByIdDesc(instanceId, group,
                        parseId("pageToken", cursor.after()), limit);
        return cursor.page(rows, reset -> reset.id().toString(), OffsetReset::toView);
    }

    /**
     * The queues to restore to undo reset {@code resetId}: 404 if it does not exist (or is older than
     * {@link #RETENTION}), 409 if it was undone already or a newer reset of the group was applied.
     */
    @Transactional
    public List<PlannedQueue> undoable(String instanceId, String group, String resetId) {
        clusterForChange(instanceId, group);
        OffsetReset reset = find(instanceId, group, resetId);
        if (reset.undoneAt() != null) {
            throw new StateConflictException("offset reset " + resetId + " was undone already");
        }
        if (resets.existsByInstanceIdAndGroupNameAndCreatedAtGreaterThan(instanceId, group, reset.createdAt())) {
            throw new StateConflictException("a newer offset reset of group " + group + " was applied after " + resetId);
        }
        return reset.queues();
    }

    @Transactional
    public OffsetResetView markUndone(String instanceId, String group, String resetId) {
        OffsetReset reset = find(instanceId, group, resetId);
        reset.markUndone(clock.instant());
        return reset.toView();
    }

    /** Deletes the resets older than {@link #RETENTION}. */
    @Scheduled(fixedDelayString = "${cloudmq.offset-resets.purge-interval:1h}")
    @Transactional
    public void purgeExpired() {
        resets.deleteCreatedBefore(clock.instant().minus(RETENTION));
    }

    private OffsetReset find(String instanceId, String group, String resetId) {
        return resets.findByIdAndInstanceIdAndGroupName(parseId("resetId", resetId), instanceId, group)
                .filter(reset -> reset.createdAt().isAfter(clock.instant().minus(RETENTION)))
                .orElseThrow(() -> ResourceNotFoundException.of("offset reset", resetId));
    }

    private static UUID parseId(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "is not an id this API issued");
        }
    }
}
