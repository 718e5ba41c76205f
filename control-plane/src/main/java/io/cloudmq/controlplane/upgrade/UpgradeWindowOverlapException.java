package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.controlplane.shared.error.DomainException;
import java.util.Map;

/** A window would overlap another non-terminal window of its cluster (409 {@code upgrade-window-overlap}). */
final class UpgradeWindowOverlapException extends DomainException {
    private static final long serialVersionUID = 1L;

    UpgradeWindowOverlapException(String clusterId) {
        super(ErrorCode.UPGRADE_WINDOW_OVERLAP,
                "Cluster " + clusterId + " already has a scheduled or running window in that period",
                Map.of("cluster", clusterId), null);
    }
}
