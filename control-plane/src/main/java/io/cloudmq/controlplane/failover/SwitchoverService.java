package io.cloudmq.controlplane.failover;

import io.cloudmq.api.failover.SwitchoverJobState;
import io.cloudmq.api.failover.SwitchoverJobView;
import io.cloudmq.api.node.NodeRole;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.controlplane.cluster.ClusterService;
import io.cloudmq.controlplane.node.NodeService;
import io.cloudmq.controlplane.shared.error.ResourceNotFoundException;
import io.cloudmq.controlplane.shared.error.StateConflictException;
import io.cloudmq.controlplane.shared.id.UuidV7;
import io.cloudmq.controlplane.upgrade.UpgradeWindowService;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Switchover jobs ({@code switchover_jobs}): accepts one for a broker group whose master and a slave are UP,
 * refused (409) while an upgrade window of the cluster is not terminal or another switchover of the group
 * runs; reads jobs; records the runner's transitions. Thread-safe.
 */
@Service
public class SwitchoverService {
    static final List<SwitchoverJobState> ACTIVE =
            Arrays.stream(SwitchoverJobState.values()).filter(state -> !state.terminal()).toList();

    private final SwitchoverJobRepository jobs;
    private final ClusterService clusters;
    private final NodeService nodes;
    private final UpgradeWindowService upgrades;
    private final Clock clock;

    SwitchoverService(SwitchoverJobRepository jobs, ClusterService clusters, NodeService nodes,
            UpgradeWindowService upgrades, Clock clock) {
        this.jobs = jobs;
        this.clusters = clusters;
        this.nodes = nodes;
        this.upgrades = upgrades;
        this.clock = clock;
    }

    /**
     * Accepts a switchover of {@code brokerName} to its UP slave with the lowest broker id. Refused (409) while a
     * window of the cluster is scheduled, running or paused ({@link WindowNotTerminalException}), while another
     * switchover of the group runs, or without its master and a slave UP; 404 for an unknown cluster or group.
     * Holds the cluster row {@code FOR SHARE}, so a window's start either committed before or waits until this
     * acceptance commits.
     */
    @Transactional
    public SwitchoverJobView accept(String clusterId, String brokerName) {
        clusters.lockForMutation(clusterId);
        List<NodeView> group = members(clusterId, brokerName);
        upgrades.firstNotTerminal(clusterId).ifPresent(window -> {
            throw new WindowNotTerminalException(brokerName, window);
        });
        refuseWhileRunning(clusterId, brokerName);
        NodeView master = group.stream().filter(node -> Integer.valueOf(0).equals(node.brokerId())).findFirst()
                .filter(node -> node.state() == NodeState.UP)
                .orElseThrow(() -> new StateConflictException("broker group " + brokerName + " has no master UP"));
        NodeView slave = group.stream()
                .filter(node -> node != master && node.state() == NodeState.UP && node.brokerId() != null)
                .min(Comparator.comparing(NodeView::brokerId))
                .orElseThrow(() -> new StateConflictException("broker group " + brokerName + " has no slave UP"));
        Instant now = clock.instant();
        return jobs.save(new SwitchoverJob(UuidV7.at(now), clusterId, brokerName, master.nodeId(), slave.nodeId(),
                now)).toView();
    }

    /** The registered brokers of {@code brokerName}; 404 if the cluster has none. */
    private List<NodeView> members(String clusterId, String brokerName) {
        List<NodeView> group = nodes.list(clusterId).stream()
                .filter(node -> node.role() == NodeRole.BROKER && brokerName.equals(node.brokerName()))
                .toList();
        if (group.isEmpty()) {
            throw ResourceNotFoundException.of("broker group", brokerName);
        }
        return group;
    }

    /** 409 naming the job if a switchover of {@code brokerName} is not terminal. */
    private void refuseWhileRunning(String clusterId, String brokerName) {
        jobs.findFirstByClusterIdAndBrokerNameAndStateIn(clusterId, brokerName, ACTIVE).map(SwitchoverJob::toView)
                .ifPresent(running -> {
                    throw new StateConflictException("Switchover " + running.id() + " of broker group " + brokerName
                            + " is " + running.state() + ": wait until it ended (GET /api/v1/clusters/" + clusterId
                            + "/switchover-jobs/" + running.id() + ")");
                });
    }

    /** The job; 404 unless it is a job of {@code clusterId}. */
    @Transactional(readOnly = true)
    public SwitchoverJobView get(String clusterId, UUID jobId) {
        return jobs.findById(jobId).filter(job -> job.clusterId().equals(clusterId)).map(SwitchoverJob::toView)
                .orElseThrow(() -> ResourceNotFoundException.of("switchover job", jobId.toString()));
    }

    /** Applies {@code transition} (with the current time) to the job and answers its new view. */
    @Transactional
    SwitchoverJobView advance(UUID jobId, BiConsumer<SwitchoverJob, Instant> transition) {
        SwitchoverJob job = jobs.findById(jobId).orElseThrow(() -> new IllegalStateException("no job " + jobId));
        transition.accept(job, clock.instant());
        return job.toView();
    }
}
