package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.upgrade.PreCheckView;
import io.cloudmq.api.upgrade.UpgradeWindowView;
import io.cloudmq.controlplane.node.NodeProvisioner;
import io.cloudmq.controlplane.node.NodeService;
import io.cloudmq.controlplane.shared.error.ResourceNotFoundException;
import io.cloudmq.controlplane.shared.error.StateConflictException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The upgrade pre-check: a dry run of {@link PreCheckRules} against the node registry, stored with the window
 * (the latest run replaces the previous one). Reads only the database, never a node.
 */
@Service
public class UpgradePreCheckService {
    /** What {@link UpgradeLockService} refuses on every instance of the cluster while a window runs. */
    static final List<String> LOCKED_OPERATIONS = List.of(
            "create, change or delete topics",
            "create, change or delete consumer groups",
            "create, disable or delete credentials",
            "change instance settings",
            "reset consumer offsets");

    private final UpgradeWindowService windows;
    private final UpgradePreCheckRepository checks;
    private final NodeService nodes;
    private final ObjectProvider<NodeProvisioner> provisioner;
    private final Clock clock;

    UpgradePreCheckService(UpgradeWindowService windows, UpgradePreCheckRepository checks, NodeService nodes,
            ObjectProvider<NodeProvisioner> provisioner, Clock clock) {
        this.windows = windows;
        this.checks = checks;
        this.nodes = nodes;
        this.provisioner = provisioner;
        this.clock = clock;
    }

    /** Runs the pre-check of a window that has not ended and stores it; 409 for a terminal window. */
    @Transactional
    public PreCheckView run(String clusterId, UUID windowId) {
        UpgradeWindowView window = windows.get(clusterId, windowId);
        if (window.state().terminal()) {
            throw new StateConflictException(
                    "Window " + windowId + " is " + window.state() + "; a pre-check is only useful before it ends");
        }
        UpgradePreCheck check = checks.findById(windowId).orElseGet(() -> new UpgradePreCheck(windowId));
        NodeProvisioner installer = provisioner.getIfAvailable();
        check.record(PreCheckRules.evaluate(window.targetVersion(), nodes.list(clusterId),
                installer == null ? null : installer::hasRuntime), clock.instant());
        return checks.save(check).toView(LOCKED_OPERATIONS);
    }

    /** The stored result of the latest pre-check; 404 if none ran. */
    @Transactional(readOnly = true)
    public PreCheckView latest(String clusterId, UUID windowId) {
        windows.get(clusterId, windowId);
        return stored(windowId)
                .orElseThrow(() -> ResourceNotFoundException.of("pre-check of upgrade window", windowId.toString()));
    }

    /** The stored result of the window's latest pre-check, if one ran. */
    @Transactional(readOnly = true)
    Optional<PreCheckView> stored(UUID windowId) {
        return checks.findById(windowId).map(check -> check.toView(LOCKED_OPERATIONS));
    }
}
