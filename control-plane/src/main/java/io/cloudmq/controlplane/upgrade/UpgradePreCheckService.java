package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.node.NodeRole;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.node.read.NodeUpgradeReadiness;
import io.cloudmq.api.upgrade.PreCheckItem;
import io.cloudmq.api.upgrade.PreCheckView;
import io.cloudmq.api.upgrade.UpgradeWindowView;
import io.cloudmq.controlplane.insight.SendRates;
import io.cloudmq.controlplane.node.NodeAdminClient;
import io.cloudmq.controlplane.node.NodeProvisioner;
import io.cloudmq.controlplane.node.NodeService;
import io.cloudmq.controlplane.shared.error.ResourceNotFoundException;
import io.cloudmq.controlplane.shared.error.StateConflictException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The upgrade pre-check: a dry run of {@link PreCheckRules} against the node registry, every UP broker's
 * upgrade readiness ({@code GET /admin/v1/upgrade-readiness}: disk, queue counts, connected clients) and the
 * latest send rates of the metrics history and the cluster's {@link ConflictingOperations} (a running switchover),
 * stored with the window (the latest run replaces the previous one). The brokers are read before anything is
 * written.
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
    private final NodeAdminClient admin;
    private final SendRates sendRates;
    private final ObjectProvider<ConflictingOperations> conflicting;
    private final PreCheckLimits limits;
    private final TransactionTemplate transactions;
    private final Clock clock;

    UpgradePreCheckService(UpgradeWindowService windows, UpgradePreCheckRepository checks, NodeService nodes,
            ObjectProvider<NodeProvisioner> provisioner, NodeAdminClient admin, SendRates sendRates,
            ObjectProvider<ConflictingOperations> conflicting, UpgradeProperties properties,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.windows = windows;
        this.checks = checks;
        this.nodes = nodes;
        this.provisioner = provisioner;
        this.admin = admin;
        this.sendRates = sendRates;
        this.conflicting = conflicting;
        this.limits = properties.preCheckLimits();
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Runs the pre-check of a window that has not ended and stores it; 409 for a terminal window. */
    public PreCheckView run(String clusterId, UUID windowId) {
        UpgradeWindowView window = windows.get(clusterId, windowId);
        if (window.state().terminal()) {
            throw new StateConflictException(
                    "Window " + windowId + " is " + window.state() + "; a pre-check is only useful before it ends");
        }
        List<NodeView> registered = nodes.list(clusterId);
        NodeProvisioner installer = provisioner.getIfAvailable();
        PreCheckInputs inputs = new PreCheckInputs(window.targetVersion(), registered,
                installer == null ? null : installer::hasRuntime, readiness(registered), sendRates.latestByNode(),
                conflicting.orderedStream().flatMap(operations -> operations.running(clusterId).stream()).toList());
        List<PreCheckItem> items = PreCheckRules.evaluate(inputs, limits);
        Instant checkedAt = clock.instant();
        return Objects.requireNonNull(transactions.execute(status -> {
            UpgradePreCheck check = checks.findById(windowId).orElseGet(() -> new UpgradePreCheck(windowId));
            check.record(items, checkedAt);
            return checks.save(check).toView(LOCKED_OPERATIONS);
        }));
    }

    private Map<String, NodeUpgradeReadiness> readiness(List<NodeView> registered) {
        Map<String, NodeUpgradeReadiness> answers = new HashMap<>();
        registered.stream()
                .filter(node -> node.role() == NodeRole.BROKER && node.state() == NodeState.UP)
                .forEach(broker -> admin.upgradeReadiness(broker.adminUrl()).answer()
                        .ifPresent(answer -> answers.put(broker.nodeId(), answer)));
        return answers;
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
