package io.cloudmq.api.upgrade;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Answer of {@code GET /api/v1/clusters/{id}/upgrade-windows/{windowId}/progress}: the window's state and
 * every node it has touched, in the order it touched them.
 *
 * @param windowId the window
 * @param state the window's state
 * @param targetVersion the version the nodes are upgraded to
 * @param pauseReason why the window is {@code PAUSED} (e.g. {@code OVERRAN: ...}), {@code null} otherwise
 * @param nodes per-node progress, nodes not yet touched are absent
 */
public record UpgradeProgressView(
        UUID windowId,
        UpgradeWindowState state,
        String targetVersion,
        @Nullable String pauseReason,
        List<NodeUpgradeProgressView> nodes) {

    public UpgradeProgressView {
        nodes = List.copyOf(nodes);
    }
}
