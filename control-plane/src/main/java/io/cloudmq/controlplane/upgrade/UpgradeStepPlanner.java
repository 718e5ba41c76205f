package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.node.NodeRole;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.upgrade.UpgradeNodePhase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Decides a window's next step from the registry's nodes and the persisted progress: a pure function, so a
 * resume (or another control-plane replica) continues exactly where the progress stands.
 *
 * <p>Order (ARCHITECTURE §3, §4): broker groups by name, one at a time, then the name servers, one at a time.
 * In a group the master is fenced first and its clients get a route-refresh window to move their sends to the
 * other groups; then the slaves restart under the fence (restart, wait until UP on the target and in sync: a
 * SYNC_MASTER without a slave in sync would answer the sends that still reach it {@code SLAVE_NOT_AVAILABLE}),
 * then the master is drained, restarted and awaited (UP on the target, a slave in sync). A name server counts
 * as done once every broker has registered with it again. A unit (group or name server) starts only a
 * route-refresh window after the previous one finished, and only before the window's end (after it:
 * {@code OVERRAN}). A node not yet touched that already runs the target is skipped. Any node DOWN, other than
 * one that is being restarted, pauses the window.
 */
final class UpgradeStepPlanner {
    static final String OVERRAN = "OVERRAN";
    static final String NODE_LOST = "NODE_LOST";

    private UpgradeStepPlanner() {}

    static UpgradeAction next(UpgradePlan plan, List<NodeView> nodes, Map<String, NodeStep> steps, Instant now) {
        List<String> lost = lost(nodes, steps);
        if (!lost.isEmpty()) {
            return new UpgradeAction.Pause(NODE_LOST + ": " + String.join(", ", lost) + " DOWN");
        }
        for (List<NodeView> unit : units(nodes)) {
            if (unit.stream().noneMatch(node -> pending(node, steps, plan))) {
                continue;
            }
            if (unit.stream().noneMatch(node -> steps.containsKey(node.nodeId()))) {
                if (!now.isBefore(plan.endsAt())) {
                    return new UpgradeAction.Pause(OVERRAN + ": the window ended at " + plan.endsAt() + " before "
                            + unitName(unit.get(0)) + " could start");
                }
                Instant lastFinished = lastFinished(steps);
                if (lastFinished != null && now.isBefore(lastFinished.plus(plan.routeRefresh()))) {
                    return new UpgradeAction.Wait("route refresh before " + unitName(unit.get(0)));
                }
            }
            return unit.get(0).role() == NodeRole.BROKER
                    ? nextInGroup(unit, plan, steps, now)
                    : nextOf(unit.get(0), plan, steps, brokerAddresses(nodes));
        }
        return new UpgradeAction.Complete();
    }

    /** A group's next step: fence the master, route refresh, the slaves, then the master's drain and restart. */
    private static UpgradeAction nextInGroup(List<NodeView> group, UpgradePlan plan, Map<String, NodeStep> steps,
            Instant now) {
        NodeView master = group.stream().filter(UpgradeStepPlanner::isMaster).findFirst().orElse(null);
        List<NodeView> slaves = group.stream().filter(node -> node != master).toList();
        NodeView slave = slaves.stream().filter(node -> pending(node, steps, plan)).findFirst().orElse(null);
        if (master == null || !pending(master, steps, plan)) {
            return nextOf(Objects.requireNonNull(slave), plan, steps, List.of());
        }
        NodeStep fence = steps.get(master.nodeId());
        if (fence == null) {
            return new UpgradeAction.Fence(master);
        }
        if (fence.phase() != UpgradeNodePhase.FENCED) {
            return continueWith(master, fence, plan, List.of());
        }
        if (slave != null && steps.containsKey(slave.nodeId())) {
            return continueWith(slave, steps.get(slave.nodeId()), plan, List.of());
        }
        if (now.isBefore(fence.phaseStartedAt().plus(plan.routeRefresh()))) {
            return new UpgradeAction.Wait("route refresh after fencing " + master.nodeId());
        }
        return slave == null ? new UpgradeAction.Drain(master) : new UpgradeAction.RestartUnderFence(slave, master);
    }

    /** The next step of a node that restarts on its own (a slave under its fenced master, a name server). */
    private static UpgradeAction nextOf(NodeView node, UpgradePlan plan, Map<String, NodeStep> steps,
            List<String> brokers) {
        NodeStep step = steps.get(node.nodeId());
        return step == null ? new UpgradeAction.Restart(node) : continueWith(node, step, plan, brokers);
    }

    private static UpgradeAction continueWith(NodeView node, NodeStep step, UpgradePlan plan, List<String> brokers) {
        return switch (step.phase()) {
            case DRAINED -> new UpgradeAction.Restart(node);
            case RESTARTED -> new UpgradeAction.AwaitReady(node, step.phaseStartedAt().plus(plan.gateTimeout()),
                    brokers);
            case FENCED, DONE -> throw new IllegalArgumentException(node.nodeId() + " is " + step.phase()
                    + ", not being restarted");
        };
    }

    /** Broker groups by name (the master, then the slaves by broker id), then each name server on its own. */
    private static List<List<NodeView>> units(List<NodeView> nodes) {
        Map<String, List<NodeView>> groups = nodes.stream()
                .filter(node -> node.role() == NodeRole.BROKER)
                .collect(Collectors.groupingBy(node -> Objects.requireNonNullElse(node.brokerName(), ""),
                        TreeMap::new, Collectors.toList()));
        List<List<NodeView>> units = new ArrayList<>();
        groups.values().forEach(group -> units.add(group.stream()
                .sorted(Comparator.comparing(node -> Objects.requireNonNullElse(node.brokerId(), Integer.MAX_VALUE)))
                .toList()));
        nodes.stream()
                .filter(node -> node.role() == NodeRole.NAMESRV)
                .sorted(Comparator.comparing(NodeView::nodeId))
                .forEach(node -> units.add(List.of(node)));
        return units;
    }

    /** Nodes DOWN that are not being restarted (a drained or restarted node is down on purpose). */
    private static List<String> lost(List<NodeView> nodes, Map<String, NodeStep> steps) {
        return nodes.stream()
                .filter(node -> node.state() != NodeState.UP)
                .filter(node -> !beingRestarted(steps.get(node.nodeId())))
                .map(NodeView::nodeId)
                .toList();
    }

    private static boolean beingRestarted(@Nullable NodeStep step) {
        return step != null
                && (step.phase() == UpgradeNodePhase.DRAINED || step.phase() == UpgradeNodePhase.RESTARTED);
    }

    /** The remoting addresses of every broker: what a restarted name server must have registered. */
    private static List<String> brokerAddresses(List<NodeView> nodes) {
        return nodes.stream()
                .filter(node -> node.role() == NodeRole.BROKER)
                .map(NodeView::remotingAddress)
                .sorted()
                .toList();
    }

    private static boolean pending(NodeView node, Map<String, NodeStep> steps, UpgradePlan plan) {
        NodeStep step = steps.get(node.nodeId());
        return step == null ? !plan.targetVersion().equals(node.version()) : !step.done();
    }

    private static @Nullable Instant lastFinished(Map<String, NodeStep> steps) {
        return steps.values().stream()
                .map(NodeStep::finishedAt)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    static boolean isMaster(NodeView node) {
        return node.role() == NodeRole.BROKER && Objects.equals(node.brokerId(), 0);
    }

    private static String unitName(NodeView node) {
        return node.role() == NodeRole.BROKER ? "broker group " + node.brokerName() : "name server " + node.nodeId();
    }
}
