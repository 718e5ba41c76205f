package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.node.NodeRole;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.node.read.NodeClient;
import io.cloudmq.api.node.read.NodeUpgradeReadiness;
import io.cloudmq.api.upgrade.PreCheckItem;
import io.cloudmq.controlplane.insight.ClientVersions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The conditions a rolling upgrade needs, evaluated on what the node registry knows and what the brokers
 * answered ({@link PreCheckInputs}): a pure function of its inputs, so every rule is unit-tested on its own.
 * Clients too old for GO_AWAY are reported, not refused: their sends are stored until a drain's freeze and
 * may fail after it, which an operator accepts or resolves by upgrading those clients.
 */
final class PreCheckRules {
    /** Broker groups with a live master needed, so that one can be fenced while the others take its sends. */
    static final int MIN_WRITABLE_GROUPS = 2;
    /** The last RocketMQ client version (MQVersion ordinal) that does not understand GO_AWAY. */
    static final int LAST_VERSION_WITHOUT_GO_AWAY = 475;

    private PreCheckRules() {}

    static List<PreCheckItem> evaluate(PreCheckInputs inputs, PreCheckLimits limits) {
        List<NodeView> nodes = inputs.nodes();
        return List.of(
                registered(nodes),
                allUp(nodes),
                writableGroups(nodes),
                slavesInSync(nodes),
                diskHeadroom(inputs, limits.maxDiskUsedRatio()),
                sendHeadroom(inputs, limits.groupSendCapacity()),
                equalQueueCounts(inputs),
                clientVersions(inputs),
                targetRuntime(inputs.targetVersion(), inputs.runtimeInstalled()),
                noConflictingOperation(inputs.conflictingOperations()));
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
        long groups = masters(nodes)
                .filter(n -> n.state() == NodeState.UP)
                .map(NodeView::brokerName)
                .distinct()
                .count();
        return new PreCheckItem("writable-broker-groups", groups >= MIN_WRITABLE_GROUPS,
                groups + " broker group(s) have an UP master; " + MIN_WRITABLE_GROUPS
                        + " are needed so that one group can be fenced while the others take its sends");
    }

    private static PreCheckItem slavesInSync(List<NodeView> nodes) {
        List<NodeView> slaves = brokers(nodes).filter(n -> n.brokerId() != null && n.brokerId() > 0).toList();
        List<String> behind = slaves.stream()
                .filter(n -> n.replication() == null || !n.replication().inSync())
                .map(n -> n.nodeId() + (n.replication() == null ? " (no replication figures yet)"
                        : " (" + n.replication().lagBytes() + " bytes behind)"))
                .toList();
        return new PreCheckItem("slaves-in-sync", !slaves.isEmpty() && behind.isEmpty(),
                slaves.isEmpty() ? "no slave registered: a group would stop serving while its master restarts"
                        : behind.isEmpty() ? slaves.size() + " slave(s), every one in sync"
                        : "not in sync: " + String.join(", ", behind));
    }

    private static PreCheckItem diskHeadroom(PreCheckInputs inputs, double limit) {
        List<String> full = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        double highest = 0;
        String highestNode = "";
        for (NodeView broker : brokers(inputs.nodes()).toList()) {
            NodeUpgradeReadiness answer = inputs.readiness().get(broker.nodeId());
            if (answer == null) {
                silent.add(broker.nodeId());
                continue;
            }
            if (answer.diskUsedRatio() > limit) {
                full.add(broker.nodeId() + " " + percent(answer.diskUsedRatio()));
            }
            if (answer.diskUsedRatio() >= highest) {
                highest = answer.diskUsedRatio();
                highestNode = broker.nodeId();
            }
        }
        boolean passed = full.isEmpty() && silent.isEmpty() && !inputs.readiness().isEmpty();
        String detail = passed
                ? "highest disk use " + percent(highest) + " (" + highestNode + "); the limit is " + percent(limit)
                : joinNonEmpty("over " + percent(limit) + ": ", full, "no answer: ", silent);
        return new PreCheckItem("disk-headroom", passed, detail.isEmpty() ? "no broker answered" : detail);
    }

    private static PreCheckItem sendHeadroom(PreCheckInputs inputs, double capacity) {
        Map<String, Double> groupRates = new TreeMap<>();
        masters(inputs.nodes()).forEach(master -> groupRates.merge(Objects.requireNonNull(master.brokerName()),
                inputs.sendTps().getOrDefault(master.nodeId(), 0.0), Double::sum));
        if (groupRates.size() < 2) {
            return new PreCheckItem("send-headroom", false,
                    "no other broker group can take a fenced group's sends");
        }
        String fenced = "";
        double worst = -1;
        for (Map.Entry<String, Double> candidate : groupRates.entrySet()) {
            double moved = candidate.getValue() / (groupRates.size() - 1);
            for (Map.Entry<String, Double> other : groupRates.entrySet()) {
                if (!other.getKey().equals(candidate.getKey()) && other.getValue() + moved > worst) {
                    worst = other.getValue() + moved;
                    fenced = candidate.getKey();
                }
            }
        }
        return new PreCheckItem("send-headroom", worst <= capacity, String.format(Locale.ROOT,
                "fencing %s (%.1f msg/s) leaves at most %.1f msg/s on one other group; capacity %.0f msg/s",
                fenced, groupRates.get(fenced), worst, capacity));
    }

    private static PreCheckItem equalQueueCounts(PreCheckInputs inputs) {
        Map<String, NodeUpgradeReadiness> answers = new TreeMap<>();
        List<String> silent = new ArrayList<>();
        masters(inputs.nodes()).forEach(master -> {
            NodeUpgradeReadiness answer = inputs.readiness().get(master.nodeId());
            if (answer == null) {
                silent.add(master.nodeId());
            } else {
                answers.put(Objects.requireNonNull(master.brokerName()), answer);
            }
        });
        TreeSet<String> topics = answers.values().stream().flatMap(answer -> answer.writeQueues().keySet().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> unequal = new ArrayList<>();
        for (String topic : topics) {
            Map<String, @Nullable Integer> counts = new LinkedHashMap<>();
            answers.forEach((group, answer) -> counts.put(group, answer.writeQueues().get(topic)));
            if (counts.values().stream().distinct().count() > 1) {
                unequal.add(topic + " (" + counts.entrySet().stream()
                        .map(entry -> entry.getKey() + " " + (entry.getValue() == null ? "none" : entry.getValue()))
                        .collect(Collectors.joining(", ")) + ")");
            }
        }
        boolean passed = unequal.isEmpty() && silent.isEmpty() && !answers.isEmpty();
        String detail = passed ? topics.size() + " topic(s), the same write-queue count on " + answers.size()
                + " broker group(s)" : joinNonEmpty("queue counts differ: ", unequal, "no answer: ", silent);
        return new PreCheckItem("equal-queue-counts", passed, detail.isEmpty() ? "no master answered" : detail);
    }

    private static PreCheckItem clientVersions(PreCheckInputs inputs) {
        Map<String, NodeClient> clients = new TreeMap<>();
        inputs.readiness().values().forEach(answer -> answer.clients().forEach(client -> clients.put(client.clientId(), client)));
        if (clients.isEmpty()) {
            return new PreCheckItem("client-versions", true, "no client connected in the last two heartbeat intervals");
        }
        Map<String, Long> byVersion = clients.values().stream().collect(Collectors.groupingBy(
                client -> Objects.requireNonNullElse(ClientVersions.name(client.version()), "version " + client.version()),
                TreeMap::new, Collectors.counting()));
        long tooOld = clients.values().stream().filter(client -> client.version() <= LAST_VERSION_WITHOUT_GO_AWAY).count();
        String versions = byVersion.entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining(", "));
        return new PreCheckItem("client-versions", true, versions + (tooOld == 0
                ? "; every client understands GO_AWAY"
                : "; " + tooOld + " client(s) too old for GO_AWAY: their sends may fail during a broker's drain"));
    }

    private static PreCheckItem noConflictingOperation(List<String> running) {
        return new PreCheckItem("no-conflicting-operation", running.isEmpty(), running.isEmpty()
                ? "no switchover of a broker group runs"
                : String.join("; ", running) + ": wait until it ended, then start the window");
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

    private static Stream<NodeView> brokers(List<NodeView> nodes) {
        return nodes.stream().filter(n -> n.role() == NodeRole.BROKER);
    }

    private static Stream<NodeView> masters(List<NodeView> nodes) {
        return brokers(nodes).filter(n -> Objects.equals(n.brokerId(), 0));
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.0f %%", ratio * 100);
    }

    /** "{@code firstLabel}a, b; {@code secondLabel}c" with an empty list's part left out. */
    private static String joinNonEmpty(String firstLabel, List<String> first, String secondLabel, List<String> second) {
        List<String> parts = new ArrayList<>();
        if (!first.isEmpty()) {
            parts.add(firstLabel + String.join(", ", first));
        }
        if (!second.isEmpty()) {
            parts.add(secondLabel + String.join(", ", second));
        }
        return String.join("; ", parts);
    }
}
