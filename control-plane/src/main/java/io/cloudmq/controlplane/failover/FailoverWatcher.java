package io.cloudmq.controlplane.failover;

import io.cloudmq.api.node.NodeRole;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.node.ReplicationView;
import io.cloudmq.controlplane.cluster.BrokerGroupRoles;
import io.cloudmq.controlplane.cluster.ClusterProperties;
import io.cloudmq.controlplane.failover.FailoverDecision.AsyncLossReport;
import io.cloudmq.controlplane.failover.FailoverDecision.Promote;
import io.cloudmq.controlplane.failover.FailoverDecision.PromoteAsync;
import io.cloudmq.controlplane.node.BrokerGroupLeadership.GroupLeader;
import io.cloudmq.controlplane.node.NodeAdminClient;
import io.cloudmq.controlplane.node.NodeService;
import io.cloudmq.controlplane.shared.leadership.SingletonGuard;
import io.cloudmq.controlplane.upgrade.UpgradeWindowService;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The failover singleton (runs only on the replica holding its leadership lock): every two seconds it
 * reads the replication state of every broker that is UP (and when it read it), slaves before masters, and
 * remembers per slave whether it was in sync while its master was alive: a slave's state counts only in a
 * pass in which its master answered after it. (The registry calls a killed master DOWN only after missed
 * checks, seconds after its slave lost the stream and stopped saying it is in sync; counting those states
 * would rule out the very slave a failover needs.) It lets {@link FailoverPolicy} decide per group (with the
 * group's configured role); an ASYNC_MASTER promotion (operator opt-in) is logged with its loss report. A
 * promotion is first recorded ({@link GroupEpochService#recordPromotion}: new epoch, registry swap), then sent
 * to the node, which becomes a master of its group's configured role ({@link BrokerGroupRoles}); a recorded
 * promotion the node has not taken (a failed call, a new leader replica) is sent again on later passes,
 * the node's promote being idempotent. What it remembers lives in memory: a new leader replica starts
 * without the dead master's last acknowledged offset and so holds until the master returns.
 *
 * <p>Threading: one scheduler thread; the maps are concurrent only for safety across leader changes.
 */
@Component
class FailoverWatcher {
    private static final Logger log = LoggerFactory.getLogger(FailoverWatcher.class);
    private static final String SINGLETON = "failover-watcher";

    private final NodeService nodes;
    private final NodeAdminClient admin;
    private final SingletonGuard singletons;
    private final GroupEpochService epochs;
    private final UpgradeWindowService upgrades;
    private final FailoverProperties properties;
    private final FailoverPolicy policy;
    private final String clusterId;
    private final BrokerGroupRoles roles;
    private final Clock clock;
    private final Map<String, ReplicationView> lastViews = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastViewReadAt = new ConcurrentHashMap<>();
    private final Map<String, Boolean> inSyncWhileMasterUp = new ConcurrentHashMap<>();

    FailoverWatcher(NodeService nodes, NodeAdminClient admin, SingletonGuard singletons, GroupEpochService epochs,
            UpgradeWindowService upgrades, FailoverProperties properties, ClusterProperties cluster, Clock clock) {
        this.nodes = nodes;
        this.admin = admin;
        this.singletons = singletons;
        this.epochs = epochs;
        this.upgrades = upgrades;
        this.properties = properties;
        this.policy = new FailoverPolicy(properties.masterDownFor(), properties.asyncMaster());
        this.clusterId = cluster.id();
        this.roles = cluster.roles();
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 2000)
    void watchIfLeader() {
        if (properties.enabled()) {
            singletons.runIfLeader(SINGLETON, this::watch);
        }
    }

    private void watch() {
        List<NodeView> brokers = nodes.list(clusterId).stream()
                .filter(node -> node.role() == NodeRole.BROKER && node.brokerName() != null)
                .sorted(Comparator.comparing(FailoverWatcher::isMaster))
                .toList();
        Instant passStartedAt = clock.instant();
        for (NodeView node : brokers) {
            if (node.state() == NodeState.UP) {
                admin.replication(node.adminUrl()).ifPresent(view -> {
                    lastViews.put(node.nodeId(), view);
                    lastViewReadAt.put(node.nodeId(), clock.instant());
                });
            }
        }
        boolean upgrading = upgrades.isUpgrading(clusterId);
        Map<String, List<NodeView>> groups = brokers.stream().collect(Collectors.groupingBy(
                node -> Objects.requireNonNull(node.brokerName()), TreeMap::new, Collectors.toList()));
        groups.forEach((brokerName, members) -> watchGroup(brokerName, members, upgrading, passStartedAt));
    }

    private void watchGroup(String brokerName, List<NodeView> members, boolean upgrading, Instant passStartedAt) {
        if (members.stream().filter(FailoverWatcher::isMaster).anyMatch(node -> readIn(node, passStartedAt))) {
            members.stream().filter(node -> !isMaster(node)).forEach(node -> {
                ReplicationView view = lastViews.get(node.nodeId());
                inSyncWhileMasterUp.put(node.nodeId(), readIn(node, passStartedAt) && view != null && view.inSync());
            });
        }
        Optional<GroupLeader> leader = epochs.leaderOf(clusterId, brokerName);
        GroupSnapshot snapshot = new GroupSnapshot(brokerName, roles.roleOf(brokerName),
                leader.map(GroupLeader::epoch).orElse(0L), upgrading, members.stream().map(this::snapshot).toList());
        FailoverDecision decision = policy.decide(snapshot, clock.instant());
        if (decision instanceof Promote promote) {
            log.warn("Broker group {}: master down, promoting {} to epoch {} (its offset {} covers the master's "
                            + "acknowledged {})", brokerName, promote.nodeId(), promote.epoch(),
                    promote.confirmedOffset(), promote.masterAcknowledgedOffset());
            failOver(brokerName, members, promote.nodeId(), promote.epoch());
        } else if (decision instanceof PromoteAsync promote) {
            AsyncLossReport report = promote.report();
            log.warn("Broker group {}: master down without the SYNC_MASTER guarantee, promoting {} to epoch {} by "
                            + "opt-in: its confirmed offset {}, the master's last reported end {} ({} bytes lost) "
                            + "reported {} ago; sends acknowledged since that report are lost too", brokerName,
                    promote.nodeId(), promote.epoch(), report.slaveConfirmedOffset(), report.masterEndOffset(),
                    report.knownLossBytes(), report.reportAge());
            failOver(brokerName, members, promote.nodeId(), promote.epoch());
        } else {
            leader.ifPresent(current -> resendPromotion(brokerName, current, members));
        }
    }

    private void failOver(String brokerName, List<NodeView> members, String nodeId, long epoch) {
        if (!epochs.recordPromotion(clusterId, brokerName, nodeId, epoch)) {
            log.warn("Broker group {}: epoch {} is not newer than the recorded one; not promoting", brokerName, epoch);
            return;
        }
        members.forEach(node -> inSyncWhileMasterUp.remove(node.nodeId()));
        members.stream().filter(node -> node.nodeId().equals(nodeId)).findFirst()
                .ifPresent(node -> admin.promote(node.adminUrl(), epoch, roles.roleOf(brokerName)));
    }

    private void resendPromotion(String brokerName, GroupLeader leader, List<NodeView> members) {
        members.stream()
                .filter(node -> node.nodeId().equals(leader.masterNodeId()) && node.state() == NodeState.UP)
                .filter(node -> {
                    ReplicationView view = lastViews.get(node.nodeId());
                    return view != null && view.brokerRole().equals("SLAVE");
                })
                .findFirst()
                .ifPresent(node -> {
                    log.info("Node {} has not taken its promotion to epoch {} yet; sending it again", node.nodeId(),
                            leader.epoch());
                    admin.promote(node.adminUrl(), leader.epoch(), roles.roleOf(brokerName));
                });
    }

    private MemberSnapshot snapshot(NodeView node) {
        return new MemberSnapshot(node.nodeId(), Objects.requireNonNullElse(node.brokerId(), -1), node.state(),
                node.lastSeenAt(), lastViews.get(node.nodeId()), lastViewReadAt.get(node.nodeId()),
                inSyncWhileMasterUp.getOrDefault(node.nodeId(), false));
    }

    /** Whether {@code node}'s replication state was read in the pass that started at {@code passStartedAt}. */
    private boolean readIn(NodeView node, Instant passStartedAt) {
        Instant readAt = lastViewReadAt.get(node.nodeId());
        return readAt != null && !readAt.isBefore(passStartedAt);
    }

    private static boolean isMaster(NodeView node) {
        return Integer.valueOf(0).equals(node.brokerId());
    }
}
