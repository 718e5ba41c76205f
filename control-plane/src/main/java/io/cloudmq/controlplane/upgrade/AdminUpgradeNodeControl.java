package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.node.NodeDrainResult;
import io.cloudmq.api.node.NodeDrainStatus;
import io.cloudmq.api.node.NodeHealthView;
import io.cloudmq.api.node.NodeServingView;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.node.RegisteredBrokersView;
import io.cloudmq.api.node.ReplicationView;
import io.cloudmq.controlplane.node.NodeAdminClient;
import io.cloudmq.controlplane.node.NodeAdminResult;
import io.cloudmq.controlplane.node.NodeProvisioner;
import io.cloudmq.controlplane.node.NodeRestart;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@link UpgradeNodeControl} over the nodes' admin API ({@code /admin/v1/fence}, {@code /drain},
 * {@code /replication}, {@code /health}, a name server's {@code /registered-brokers}) and the deployment's
 * {@link NodeProvisioner}. Thread-safe.
 */
@Component
class AdminUpgradeNodeControl implements UpgradeNodeControl {
    /** Longer than the sum of a node's drain deadlines ({@code drain.*.ms}, about 20 s by default). */

    private final NodeAdminClient admin;
    private final ObjectProvider<NodeProvisioner> provisioner;

    AdminUpgradeNodeControl(NodeAdminClient admin, ObjectProvider<NodeProvisioner> provisioner) {
        this.admin = admin;
        this.provisioner = provisioner;
    }

    @Override
    public StepOutcome fence(NodeView node) {
        return drainAction(node, "fence", NodeDrainStatus.FENCED);
    }

    @Override
    public StepOutcome drain(NodeView node) {
        return drainAction(node, "drain", NodeDrainStatus.LEFT);
    }

    @Override
    public boolean prepareRestart(NodeView node, String version) {
        NodeProvisioner installer = provisioner.getIfAvailable();
        return installer != null && installer.prepareRestart(node.nodeId(), version);
    }

    @Override
    public void discardPreparedRestart(NodeView node) {
        NodeProvisioner installer = provisioner.getIfAvailable();
        if (installer != null) {
            installer.discardPreparedRestart(node.nodeId());
        }
    }

    @Override
    public StepOutcome restart(NodeView node, String version) {
        NodeProvisioner installer = provisioner.getIfAvailable();
        if (installer == null) {
            return StepOutcome.failed("this deployment has no node provisioner");
        }
        NodeRestart restart = installer.restart(node.nodeId(), version);
        return new StepOutcome(restart.launched(),
                restart.detail() + (restart.pid() == null ? "" : " (pid " + restart.pid() + ")"));
    }

    @Override
    public Optional<NodeServingView> serving(NodeView node) {
        return admin.health(node.adminUrl()).map(NodeHealthView::serving);
    }

    @Override
    public Optional<ReplicationView> replication(NodeView node) {
        return admin.replication(node.adminUrl());
    }

    @Override
    public boolean fenced(NodeView node) {
        return admin.health(node.adminUrl())
                .map(NodeHealthView::serving)
                .map(NodeServingView::fenced)
                .orElse(false);
    }

    @Override
    public Optional<Set<String>> registeredBrokers(NodeView nameServer) {
        return admin.registeredBrokers(nameServer.adminUrl()).map(view -> view.brokers().stream()
                .map(RegisteredBrokersView.RegisteredBroker::address)
                .collect(Collectors.toSet()));
    }

    private StepOutcome drainAction(NodeView node, String action, NodeDrainStatus expected) {
        NodeAdminResult<NodeDrainResult> result = admin.drainAction(node.adminUrl(), action);
        NodeDrainResult answer = result.body();
        String path = "/admin/v1/" + action;
        if (!result.ok() || answer == null) {
            return StepOutcome.failed(path + " " + result.error());
        }
        return new StepOutcome(answer.status() == expected, path + " answered " + answer.status()
                + " in phase " + answer.drainPhase(), answer.serving());
    }
}
