package io.cloudmq.api.failover;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A planned master switch of a broker group, {@code GET /api/v1/clusters/{id}/switchover-jobs/{jobId}}.
 *
 * @param id the job id
 * @param brokerName the broker group
 * @param fromNodeId the master being replaced
 * @param toNodeId the slave becoming master
 * @param state where the job stands
 * @param epoch the group's new epoch, once chosen
 * @param detail why the job failed, {@code null} otherwise
 * @param createdAt when the job was accepted
 * @param updatedAt when its state last changed
 */
public record SwitchoverJobView(
        UUID id,
        String brokerName,
        String fromNodeId,
        String toNodeId,
        SwitchoverJobState state,
        @Nullable Long epoch,
        @Nullable String detail,
        Instant createdAt,
        Instant updatedAt) {}
