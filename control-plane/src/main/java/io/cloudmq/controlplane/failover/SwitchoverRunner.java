package io.cloudmq.controlplane.failover;

import io.cloudmq.api.failover.SwitchoverJobView;
import io.cloudmq.api.node.NodeDrainResult;
import io.cloudmq.api.node.NodeDrainStatus;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.node.ReplicationView;
import io.cloudmq.controlplane.cluster.BrokerGroupRoles;
import io.cloudmq.controlplane.cluster.ClusterProperties;
import io.cloudmq.controlplane.node.BrokerGroupLeadership.GroupLeader;
import io.cloudmq.controlplane.node.NodeAdminClient;
import io.cloudmq.controlplane.node.NodeAdminResult;
import io.cloudmq.controlplane.node.NodeProvisioner;
import io.cloudmq.controlplane.node.NodeRestart;
import io.cloudmq.controlplane.node.NodeService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs accepted switchover jobs, one at a time, on its own thread:
 *
 * <ol>
 *   <li>DRAINING: the master drains ({@code POST /admin/v1/drain}: fenced on every name server, sends
 *       closed, frozen, every connected slave confirmed its end, left) and exits; a drain that re-opened
 *       writes fails the job with the master still leading, nothing changed.</li>
 *   <li>PROMOTING: the slave is fenced ({@code POST /admin/v1/fence}: registered without write permission,
 *       which it keeps through the promotion), so no producer writes to the group before the new master has a
 *       slave in sync to acknowledge its sends (a SYNC_MASTER without one answers {@code SLAVE_NOT_AVAILABLE});
 *       meanwhile producers write to the other groups. The group's new epoch (one above the recorded one and
 *       both brokers' logs) is recorded with the registry swap ({@link GroupEpochService#recordPromotion})
 *       before the slave is promoted (to a master of the group's configured role, {@link BrokerGroupRoles}), so
 *       the supervisor restarts the old master as slave (non-standalone: its stale epoch is refused and it
 *       follows the new master).</li>
 *   <li>REJOINING: the drained master exited with code 0, which its supervisor leaves down; where the deployment
 *       has a {@link NodeProvisioner} (standalone), it is started again on its version once a route-refresh
 *       window ({@link FailoverProperties#switchoverRouteRefresh}) has passed since its fence, and its configuration,
 *       rewritten from the recorded leadership, makes it the new master's slave. Once it answers as SLAVE and
 *       the new master has a slave in sync, the new master is unfenced ({@code POST /admin/v1/unfence}). If
 *       that does not happen within {@link #REJOIN_DEADLINE}, the new master is unfenced anyway (the group
 *       must take writes) and the job fails.</li>
 * </ol>
 *
 * A job whose replica dies stays where it was. Threading: {@link #submit} from any thread.
 */
@Component
class SwitchoverRunner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SwitchoverRunner.class);
    static final Duration REJOIN_DEADLINE = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final SwitchoverService jobs;
    private final NodeService nodes;
    private final NodeAdminClient admin;
    private final GroupEpochService epochs;
    private final ObjectProvider<NodeProvisioner> provisioner;
    private final BrokerGroupRoles roles;
    private final Duration routeRefresh;
    private final Clock clock;
    private final ExecutorService runs = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "switchover");
        thread.setDaemon(true);
        return thread;
    });

    SwitchoverRunner(SwitchoverService jobs, NodeService nodes, NodeAdminClient admin, GroupEpochService epochs,
            ObjectProvider<NodeProvisioner> provisioner, FailoverProperties properties, ClusterProperties cluster,
            Clock clock) {
        this.roles = cluster.roles();
        this.routeRefresh = properties.switchoverRouteRefresh();
        this.jobs = jobs;
        this.nodes = nodes;
        this.admin = admin;
        this.epochs = epochs;
        this.provisioner = provisioner;
        this.clock = clock;
    }

    void submit(String clusterId, UUID jobId) {
        runs.execute(() -> {
            try {
                run(clusterId, jobId);
            } catch (RuntimeException e) {
                log.error("Switchover {} failed unexpectedly", jobId, e);
                jobs.advance(jobId, (job, now) -> job.fail("unexpected error: " + e, now));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void run(String clusterId, UUID jobId) throws InterruptedException {
        SwitchoverJobView job = jobs.advance(jobId, SwitchoverJob::startDraining);
        NodeView from = node(clusterId, job.fromNodeId());
        NodeView to = node(clusterId, job.toNodeId());
        Optional<ReplicationView> fromView = admin.replication(from.adminUrl());
        Optional<ReplicationView> toView = admin.replication(to.adminUrl());
        if (fromView.isEmpty() || toView.isEmpty() || !toView.get().brokerRole().equals("SLAVE")) {
            fail(jobId, "the replication state of " + from.nodeId() + " or slave " + to.nodeId()
                    + " is unavailable; nothing changed");
            return;
        }
        log.info("Switchover {} of {}: draining master {}", jobId, job.brokerName(), from.nodeId());
        Instant fencedAt = clock.instant();
        NodeAdminResult<NodeDrainResult> drained = admin.drainAction(from.adminUrl(), "drain");
        NodeDrainResult result = drained.body();
        if (!drained.ok() || result == null || result.status() != NodeDrainStatus.LEFT) {
            fail(jobId, "the master did not leave (" + (result == null ? drained.error() : result.status())
                    + "); it still leads");
            return;
        }
        long epoch = 1 + Math.max(epochs.leaderOf(clusterId, job.brokerName()).map(GroupLeader::epoch).orElse(0L),
                Math.max(fromView.get().epoch(), toView.get().epoch()));
        jobs.advance(jobId, (running, now) -> running.drained(epoch, now));
        drainAction(jobId, to, "fence", NodeDrainStatus.FENCED);
        if (!epochs.recordPromotion(clusterId, job.brokerName(), to.nodeId(), epoch)) {
            fail(jobId, "epoch " + epoch + " is not newer than the recorded one; the group has no master");
            return;
        }
        if (!admin.promote(to.adminUrl(), epoch, roles.roleOf(job.brokerName()))) {
            log.warn("Switchover {}: promotion of {} not confirmed; the failover watcher sends it again", jobId,
                    to.nodeId());
        }
        jobs.advance(jobId, SwitchoverJob::promoted);
        restartAsSlave(jobId, from, fencedAt);
        boolean rejoined = awaitSlaveInSync(from, to);
        drainAction(jobId, to, "unfence", NodeDrainStatus.REOPENED);
        if (rejoined) {
            jobs.advance(jobId, SwitchoverJob::rejoined);
            log.info("Switchover {} of {}: {} leads in epoch {}, {} follows", jobId, job.brokerName(), to.nodeId(),
                    epoch, from.nodeId());
        } else {
            fail(jobId, to.nodeId() + " leads in epoch " + epoch + "; " + from.nodeId()
                    + " has not rejoined as its slave in sync within " + REJOIN_DEADLINE);
        }
    }

    /** Runs a fence or unfence on {@code node}; a miss is logged (the node's registration loop keeps trying). */
    private void drainAction(UUID jobId, NodeView node, String action, NodeDrainStatus expected) {
        NodeAdminResult<NodeDrainResult> answer = admin.drainAction(node.adminUrl(), action);
        NodeDrainResult result = answer.body();
        if (!answer.ok() || result == null || result.status() != expected) {
            log.warn("Switchover {}: {} of {} answered {}", jobId, action, node.nodeId(),
                    result == null ? answer.error() : result.status());
        }
    }

    /**
     * Waits until a route-refresh window has passed since the old master's fence: a producer that still routes
     * to its address meanwhile meets a closed port and retries elsewhere, where the restarted slave would refuse.
     */
    private void awaitRouteRefresh(Instant fencedAt) throws InterruptedException {
        Instant until = fencedAt.plus(routeRefresh);
        while (clock.instant().isBefore(until)) {
            Thread.sleep(Math.min(POLL.toMillis(), Math.max(1, Duration.between(clock.instant(), until).toMillis())));
        }
    }

    /** Starts the drained old master again where this deployment provisions nodes; elsewhere its platform does. */
    private void restartAsSlave(UUID jobId, NodeView oldMaster, Instant fencedAt) throws InterruptedException {
        NodeProvisioner installer = provisioner.getIfAvailable();
        String version = oldMaster.version();
        if (installer == null || version == null) {
            return;
        }
        awaitRouteRefresh(fencedAt);
        NodeRestart restart = installer.restart(oldMaster.nodeId(), version);
        log.info("Switchover {}: restarting {} as slave: {}", jobId, oldMaster.nodeId(), restart.detail());
    }

    /** Waits until {@code oldMaster} answers as SLAVE and {@code newMaster} has a slave in sync. */
    private boolean awaitSlaveInSync(NodeView oldMaster, NodeView newMaster) throws InterruptedException {
        Instant deadline = clock.instant().plus(REJOIN_DEADLINE);
        while (clock.instant().isBefore(deadline)) {
            if (admin.replication(oldMaster.adminUrl()).filter(view -> view.brokerRole().equals("SLAVE")).isPresent()
                    && admin.replication(newMaster.adminUrl()).filter(ReplicationView::inSync).isPresent()) {
                return true;
            }
            Thread.sleep(POLL.toMillis());
        }
        return false;
    }

    private NodeView node(String clusterId, String nodeId) {
        return nodes.list(clusterId).stream().filter(node -> node.nodeId().equals(nodeId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("node " + nodeId + " left the registry"));
    }

    private void fail(UUID jobId, String why) {
        log.warn("Switchover {} failed: {}", jobId, why);
        jobs.advance(jobId, (job, now) -> job.fail(why, now));
    }

    @Override
    public void close() {
        runs.shutdownNow();
    }
}
