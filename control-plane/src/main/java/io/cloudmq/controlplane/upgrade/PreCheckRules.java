package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.node.NodeRole;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.upgrade.PreCheckItem;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The conditions a rolling upgrade needs, evaluated on what the node registry knows: a pure function of its
 * inputs, so every rule is unit-tested on its own.
 */
final class PreCheckRules {
    /** Broker groups with a live master needed, so that one can be fenced while the others take its sends. */
    static final int MIN_WRITABLE_GROUPS = 2;

    private PreCheckRules() {}

    static List<PreCheckItem> evaluate(
            String targetVersion, List<NodeView> nodes, @Nullable Predicate<String> runtimeInstalled) {
        return List.of(
                registered(nodes),
                allUp(nodes),
                writableGroups(nodes),
                targetRuntime(targetVersion, runtimeInstalled));
    }

    private static PreCheckItem registered(List<NodeView> nodes) {
        long nameServers = nodes.stream().filter(n -> n.role() == NodeRole.NAMESRV).count();
        long brokers = nodes.size() - nameServers;
        return new PreCheckItem("nodes-registered", nameServers > 0 && brokers > 0,
                nameServers + " name server(s) and " + brokers + " broker(s) registered");
    }

    private static PreCheckItem allUp(List<NodeView> nodes) {
        List<String> down = nodes.stream()
                .filter(n -> n.state() != NodeState.UP)
                .map(NodeView::nodeId)
                .toList();
        return new PreCheckItem("nodes-up", down.isEmpty(),
                down.isEmpty() ? "every registered node is UP" : "DOWN: " + String.join(", ", down));
    }

    private static PreCheckItem writableGroups(List<NodeView> nodes) {
        long groups = nodes.stream()
                .filter(n -> n.role() == NodeRole.BROKER && Objects.equals(n.brokerId(), 0))
                .filter(n -> n.state() == NodeState.UP)
                .map(NodeView::brokerName)
                .distinct()
                .count();
        return new PreCheckItem("writable-broker-groups", groups >= MIN_WRITABLE_GROUPS,
                groups + " broker group(s) have an UP master; " + MIN_WRITABLE_GROUPS
                        + " are needed so that one group can be fenced while the others take its sends");
    }

    private static PreCheckItem targetRuntime(String targetVersion, @Nullable Predicate<String> runtimeInstalled) {
        if (runtimeInstalled == null) {
            return new PreCheckItem("target-runtime", false,
                    "this deployment has no node provisioner, so no node can be restarted on " + targetVersion);
        }
        boolean installed = runtimeInstalled.test(targetVersion);
        return new PreCheckItem("target-runtime", installed,
                "node runtime " + targetVersion + (installed ? " is installed" : " is not installed"));
    }
}
