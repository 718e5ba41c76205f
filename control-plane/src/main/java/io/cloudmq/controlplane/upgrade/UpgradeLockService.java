package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.upgrade.UpgradeWindowState;
import io.cloudmq.controlplane.cluster.ClusterService;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The upgrade lock: refuses mutations of an instance while a window of its cluster is between leaving
 * {@code SCHEDULED} and reaching a terminal state. Must run inside the mutation's transaction: it takes the
 * cluster row {@code FOR SHARE} first, so a window start (which holds the row {@code FOR UPDATE}) either
 * commits before the check — and the mutation is refused — or waits until the mutation commits.
 */
@Service
public class UpgradeLockService {
    static final List<UpgradeWindowState> LOCKING_STATES =
            Arrays.stream(UpgradeWindowState.values()).filter(UpgradeWindowState::locking).toList();

    private final ClusterService clusters;
    private final UpgradeWindowRepository windows;
    private final Clock clock;

    UpgradeLockService(ClusterService clusters, UpgradeWindowRepository windows, Clock clock) {
        this.clusters = clusters;
        this.windows = windows;
        this.clock = clock;
    }

    /**
     * Throws {@link InstanceLockedException} if the cluster of {@code instanceId} is locked; otherwise holds the
     * cluster row {@code FOR SHARE} until the caller's transaction ends.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void assertUnlocked(String instanceId, String clusterId) {
        clusters.lockForMutation(clusterId);
        windows.findLocking(clusterId, LOCKING_STATES).stream().findFirst().ifPresent(window -> {
            throw InstanceLockedException.forWindow(instanceId, clusterId, window, clock.instant());
        });
    }
}
