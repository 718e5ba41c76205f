package io.cloudmq.api.upgrade;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Answer of {@code GET /api/v1/clusters/{clusterId}/upgrade-windows/{windowId}/report}: the impact of an
 * upgrade window, available in any state (figures not known yet are {@code null} or empty). Canary
 * "before" is the window's start minus its duration, or the 15 minutes before its start if shorter;
 * "during" runs from its start to its end (or now).
 *
 * @param schemaVersion {@value #SCHEMA_VERSION}; raised on an incompatible change
 * @param windowId the window
 * @param state its state
 * @param targetVersion the version the nodes are upgraded to
 * @param startedAt when it started, {@code null} before
 * @param finishedAt when it reached a terminal state, {@code null} before
 * @param pauseReason why it is paused, {@code null} otherwise
 * @param preCheck the stored pre-check, {@code null} if none ran
 * @param canary the canary's figures over the window, {@code null} before it started or without a canary
 * @param nodes the nodes in the order the window touched them
 * @param producerGroups one entry per producer group registered with the window
 */
public record UpgradeReportView(
        int schemaVersion,
        UUID windowId,
        UpgradeWindowState state,
        String targetVersion,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable String pauseReason,
        @Nullable PreCheckView preCheck,
        @Nullable CanaryReportView canary,
        List<NodeUpgradeReportView> nodes,
        List<ProducerGroupFailuresView> producerGroups) {
    public static final int SCHEMA_VERSION = 1;

    public UpgradeReportView {
        nodes = List.copyOf(nodes);
        producerGroups = List.copyOf(producerGroups);
    }
}
