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
 * <p>Order (ARCHITECTURE §3, §4): broker groups by name, one at a time — in a group the slaves first
 * (restart, then wait until UP on the target and in sync), then the master (fence, wait the route-refresh
 * window, drain, restart, wait until UP on the target and a slave in sync) — then the name servers, one at a
 * time. A unit (group or name server) starts only a route-refresh window after the previous one finished,
 * and only before the window's end (after it: {@code OVERRAN}). A node not yet touched that already runs the
 * target is skipped. Any node DOWN, other than the one that is being restarted, pauses the window.
 */
final class UpgradeStepPlanner {
    static final String OVERRAN = "OVERRAN";
    static final String NODE_LOST = "NODE_LOST";

    private UpgradeStepPlanner() {}

    static UpgradeAction next(UpgradePlan plan, List<NodeView> nodes, Map<String, NodeStep> steps, Instant now) {
        List<List<NodeView>> units = units(nodes);
        NodeView active = units.stream().flatMap(List::stream)
                .filter(node -> steps.containsKey(node.nodeId()) && !steps.get(node.nodeId()).done())
                .findFirst()
                .orElse(null);
        List<String> lost = lost(nodes, active == null ? null : steps.get(active.nodeId()));
        if (!lost.isEmpty()) {
            return new UpgradeAction.Pause(NODE_LOST + ": " + String.join(", ", lost) + " DOWN");
        }
        if (active != null) {
            return continueWith(active, steps.get(active.nodeId()), plan, now);
        }
        for (List<NodeView> unit : units) {
            NodeView next = unit.stream().filter(node -> pending(node, steps, plan)).findFirst().orElse(null);
            if (next == null) {
                continue;
            }
            boolean unitStarted = unit.stream().anyMatch(node -> steps.containsKey(node.nodeId()));
            if (!unitStarted) {
                if (!now.isBefore(plan.endsAt())) {
                    return new UpgradeAction.Pause(OVERRAN + ": the window ended at " + plan.endsAt() + " before "
                            + unitName(next) + " could start");
                }
                Instant lastFinished = lastFinished(steps);
                if (lastFinished != null && now.isBefore(lastFinished.plus(plan.routeRefresh()))) {
                    return new UpgradeAction.Wait("route refresh before " + unitName(next));
                }
            }
            return isMaster(next) ? new UpgradeAction.Fence(next) : new UpgradeAction.Restart(next);
        }
        return new UpgradeAction.Complete();
    }

    private static UpgradeAction continueWith(NodeView node, NodeStep step, UpgradePlan plan, Instant now) {
        return switch (step.phase()) {
            case FENCED -> now.isBefore(step.phaseStartedAt().plus(plan.routeRefresh()))
                    ? new UpgradeAction.Wait("route refresh after fencing " + node.nodeId())
                    : new UpgradeAction.Drain(node);
            case DRAINED -> new UpgradeAction.Restart(node);
            case RESTARTED -> new UpgradeAction.AwaitReady(node, step.phaseStartedAt().plus(plan.gateTimeout()));
            case DONE -> throw new IllegalArgumentException(node.nodeId() + " is done, not active");
        };
    }

    /** Broker groups by name (slaves by broker id, then the master), then each name server on its own. */
    private static List<List<NodeView>> units(List<NodeView> nodes) {
        Map<String, List<NodeView>> groups = nodes.stream()
                .filter(node -> node.role() == NodeRole.BROKER)
                .collect(Collectors.groupingBy(node -> Objects.requireNonNullElse(node.brokerName(), ""),
                        TreeMap::new, Collectors.toList()));
        List<List<NodeView>> units = new ArrayList<>();
        groups.values().forEach(group -> units.add(group.stream()
                .sorted(Comparator.comparing(UpgradeStepPlanner::isMaster)
                        .thenComparing(node -> Objects.requireNonNullElse(node.brokerId(), Integer.MAX_VALUE)))
                .toList()));
        nodes.stream()
                .filter(node -> node.role() == NodeRole.NAMESRV)
                .sorted(Comparator.comparing(NodeView::nodeId))
                .forEach(node -> units.add(List.of(node)));
        return units;
    }

    private static List<String> lost(List<NodeView> nodes, @Nullable NodeStep activeStep) {
        return nodes.stream()
                .filter(node -> node.state() != NodeState.UP)
                .filter(node -> activeStep == null || !activeStep.nodeId().equals(node.nodeId())
                        || activeStep.phase() == UpgradeNodePhase.FENCED)
                .map(NodeView::nodeId)
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
